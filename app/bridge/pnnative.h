#pragma once
// The native half of the script API: pn.js (the JavaScript half) calls these
// to create components, read and set their params, watch them and lay them
// out. Components are known to scripts by id; errors become JS exceptions at
// the calling line, with messages that name the component and param.

#include <QCoro/QCoroAsyncGenerator>
#include <QHash>
#include <QJSValue>
#include <QObject>
#include <QPointer>
#include <QSet>

#include "bridge/jstasks.h"
#include "plots/scriptmodels.h"
#include "session/componentregistry.h"
#include "session/environmentaccess.h"
#include "widgets/component.h"

namespace qpanel {

class PnNative : public QObject {
    Q_OBJECT

public:
    PnNative(QJSEngine* engine, JsTasks* tasks, Document* document, QObject* parent = nullptr);

    Component* component(int id) const { return components_.component(id); }
    /// pn.fetch may read files under this folder (the script's own).
    void setScriptFolder(const QString& folder) { scriptFolder_ = folder; }
    void setEnvironmentAccess(EnvironmentAccess access) {
        components_.setEnvironmentAccess(std::move(access));
    }

    Q_INVOKABLE QJSValue create(int group, const QString& kind, const QVariantMap& params);
    Q_INVOKABLE QString typeName(int id) const;
    /// Whether the running task holds the app's lock, so it keeps it across
    /// its awaits (a with_lock callback); false outside tasks, where a lock
    /// held by a synchronous section ends with it.
    Q_INVOKABLE bool taskHoldsLock() const;
    /// pn.js's facade(id): how param values that are components reach scripts.
    Q_INVOKABLE void setFacadeMaker(const QJSValue& facadeOf) { facadeOf_ = facadeOf; }
    Q_INVOKABLE QStringList params(int id) const;
    Q_INVOKABLE QJSValue get(int id, const QString& name);
    Q_INVOKABLE void set(int id, const QString& name, const QVariant& value);
    Q_INVOKABLE void trigger(int id, const QString& name);
    /// `callback(rawEvents)` runs as a task per trigger; mode is "concurrent",
    /// "exclusive" or "limit" (with `limit`).
    Q_INVOKABLE QJSValue watch(int id, const QStringList& names, const QJSValue& callback,
                               bool onlychanged, const QString& mode, int limit,
                               const QString& origin, bool withLock = false);
    Q_INVOKABLE bool unwatch(int id, int watcher);
    /// `child` is a component id or text (made into a Markdown pane).
    Q_INVOKABLE void append(int layout, const QJSValue& child);
    Q_INVOKABLE void appendTab(int tabs, const QString& title, const QJSValue& child);
    Q_INVOKABLE void servable(int id, const QString& title);
    Q_INVOKABLE QString label(int id) const;
    /// pn.env: the variable if the script may read it (see EnvironmentAccess),
    /// else `fallback`, with a console warning once per name saying how to allow it.
    Q_INVOKABLE QString env(const QString& name, const QString& fallback);
    Q_INVOKABLE void execute(const QJSValue& fn, bool withLock);
    /// pn.bind(fn, ...args) / pn.depends: `args` are component ids (their
    /// value param) or {constant: v}; returns the id of a ReactivePane
    /// showing fn's result. A generator's yields replace the shown value, or
    /// with generatorMode "append" stack in a Column. With `watch` fn runs on
    /// every change as a side effect and there is no pane (undefined); at
    /// once too only with `onInit` (Panel's on_init).
    Q_INVOKABLE QJSValue bind(const QJSValue& fn, const QJSValue& args, bool watch, bool onInit,
                              const QString& generatorMode);
    /// pn.config.exception_handler was set (true) or reset to null.
    Q_INVOKABLE void exceptionHandlerSet(bool set) { emit exceptionHandlerChanged(set); }
    /// pn.state.busy and its watchers: relay(old, new) after each change.
    Q_INVOKABLE bool busy() const;
    Q_INVOKABLE int watchBusy(const QJSValue& relay);
    Q_INVOKABLE bool unwatchBusy(int watcher);
    /// pn.fetch: starts a fetch task; calls `resolve` with a response
    /// object or `reject` with the failure's message naming the URL.
    /// Returns the task id.
    Q_INVOKABLE double fetch(const QString& url, const QJSValue& options, const QJSValue& resolve,
                             const QJSValue& reject);
    Q_INVOKABLE bool cancelTask(double taskId);
    // Charts and models (pn.plotting.figure, pn.models.ColumnDataSource).
    Q_INVOKABLE QJSValue createSource(const QVariantMap& data);
    Q_INVOKABLE QJSValue sourceData(int source) const;
    Q_INVOKABLE void setSourceData(int source, const QVariantMap& data);
    Q_INVOKABLE void stream(int source, const QVariantMap& data, const QJSValue& rollover);
    Q_INVOKABLE void patch(int source, const QVariantMap& patches);
    Q_INVOKABLE QJSValue createFigure(const QVariantMap& options);
    Q_INVOKABLE void line(int figure, const QVariantMap& options);
    Q_INVOKABLE QJSValue createChart(int figure);
    Q_INVOKABLE void addTools(int figure, const QVariantList& tools);
    /// p.legend.click_policy / p.legend.location (bokehoptions' applyLegendOption).
    Q_INVOKABLE void setLegendOption(int figure, const QString& name, const QVariant& value);
    // Periodic callbacks (pn.state.add_periodic_callback).
    Q_INVOKABLE QJSValue addPeriodic(const QJSValue& callback, const QVariantMap& options,
                                     bool withLock);
    Q_INVOKABLE QJSValue periodic(int id, const QString& what, const QJSValue& value = QJSValue());
    Q_INVOKABLE QString decodeUtf8(const QByteArray& bytes) const {
        return QString::fromUtf8(bytes);
    }

signals:
    void exceptionHandlerChanged(bool set);

public:
    /// A JS value as a param value: a component facade becomes its Component*.
    QVariant toVariant(const QJSValue& value) const;
    /// A param value as a script sees it: a component is its facade, None is null.
    QJSValue toScript(const QVariant& value);

private:
    void deliverBusy(bool busy);
    static QCoro::Task<QVariant> settledValue(QPointer<PnNative> self, QPointer<JsTasks> tasks,
                                              JsTasks::Started started);
    static QCoro::AsyncGenerator<QVariant> streamedValues(QPointer<PnNative> self,
                                                          QCoro::AsyncGenerator<QJSValue> values);
    Component* require(int id) const { return components_.require(id); }
    int remember(Component* component) { return components_.remember(component); }
    QJSValue fail(const QString& message) const;
    template <typename Fn>
    QJSValue guarded(Fn&& fn) const;

    QJSEngine* engine_;
    QPointer<JsTasks> tasks_;
    QPointer<Document> document_;
    QString scriptFolder_;
    ComponentRegistry components_;
    ScriptModels models_;  // sources, figures, periodic callbacks
    QJSValue facadeOf_;
    QHash<int, QJSValue> busyWatchers_;
    bool lastBusy_ = false;  // as the busy watchers last heard
    /// Runs `fn` as the task the current JS code belongs to (its context),
    /// so lock checks see the task that holds the lock.
    template <typename Fn>
    void asCurrentJsTask(Fn&& fn) const;
    int nextId_ = 0;
};

}  // namespace qpanel
