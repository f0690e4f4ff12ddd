#pragma once
// The native half of the script API on V8: pn.js (the JavaScript half, shared
// with the QJSEngine path) calls these through the V8 binding (v8/qobjectwrap)
// to create components, read and set their params, watch them, lay them out,
// and make charts. Components and chart models are known to scripts by id
// (ComponentRegistry, ScriptModels); a component value crosses as
// {__component: id}, which pn.js turns into the component's facade.
// Callbacks run as tasks of the app's document (JsTaskRunner). C++ errors
// reach the script as a TypeError with the whole message, at the calling line.

#include <QCoro/QCoroAsyncGenerator>
#include <QHash>
#include <QObject>
#include <QPointer>

#include "plots/scriptmodels.h"
#include "session/componentregistry.h"
#include "session/environmentaccess.h"
#include "v8/jsfunction.h"
#include "v8/jstaskrunner.h"

namespace qpanel {

class Document;

class V8Pn : public QObject {
    Q_OBJECT
    Q_CLASSINFO("qpanel.errors", "plain")

public:
    V8Pn(v8engine::JsEngine& engine, v8engine::JsTaskRunner& tasks, Document* document,
         QObject* parent = nullptr);

    ComponentRegistry& components() { return components_; }
    /// pn.fetch may read files under this folder (the script's own).
    void setScriptFolder(const QString& folder) { scriptFolder_ = folder; }
    void setEnvironmentAccess(EnvironmentAccess access) {
        components_.setEnvironmentAccess(std::move(access));
    }
    /// Where console warnings go (ignored options, refused pn.env names).
    void setWarning(std::function<void(const QString&)> warn);

    Q_INVOKABLE int create(int group, const QString& kind, const QVariantMap& params);
    Q_INVOKABLE QString typeName(int id) const { return components_.typeName(id); }
    /// Whether the running task holds the app's lock (a with_lock callback).
    Q_INVOKABLE bool taskHoldsLock() const;
    /// pn.io.with_lock's function was called directly: a refused edit of
    /// this task says so.
    Q_INVOKABLE void noteCalledWithLockDirectly(const QString& what);
    /// Components cross as {__component: id} here, so pn.js's facade maker is not needed.
    Q_INVOKABLE void setFacadeMaker(const qpanel::v8engine::JsFunction&) {}
    Q_INVOKABLE QStringList params(int id) const { return components_.params(id); }
    Q_INVOKABLE QVariant get(int id, const QString& name);
    Q_INVOKABLE void set(int id, const QString& name, const QVariant& value);
    Q_INVOKABLE void trigger(int id, const QString& name) { components_.trigger(id, name); }
    /// `callback(name, old, new, type, id)` (one event) or `callback([events])`
    /// runs as a task per trigger; mode is "concurrent", "exclusive" or "limit".
    Q_INVOKABLE int watch(int id, const QStringList& names,
                          const qpanel::v8engine::JsFunction& callback, bool onlychanged,
                          const QString& mode, int limit, const QString& origin, bool withLock);
    Q_INVOKABLE bool unwatch(int id, int watcher);
    /// `child` is a component id or text (made into a Markdown pane).
    Q_INVOKABLE void append(int layout, const QVariant& child) {
        components_.append(layout, child);
    }
    Q_INVOKABLE void appendTab(int tabs, const QString& title, const QVariant& child) {
        components_.appendTab(tabs, title, child);
    }
    Q_INVOKABLE void servable(int id, const QString& title) { components_.servable(id, title); }
    Q_INVOKABLE QString label(int id) const { return components_.label(id); }
    Q_INVOKABLE QString env(const QString& name, const QString& fallback) {
        return components_.env(name, fallback);
    }
    Q_INVOKABLE void execute(const qpanel::v8engine::JsFunction& fn, bool withLock);
    /// pn.bind / pn.depends (see PnNative::bind): the id of the ReactivePane,
    /// or undefined with `watch`.
    Q_INVOKABLE QVariant bind(const qpanel::v8engine::JsFunction& fn, const QVariantList& args,
                              bool watch, bool onInit, const QString& generatorMode);
    Q_INVOKABLE void exceptionHandlerSet(bool set) { emit exceptionHandlerChanged(set); }
    Q_INVOKABLE bool busy() const;
    /// pn.state.param.watch(busy): relay(old, new) after each change.
    Q_INVOKABLE int watchBusy(const qpanel::v8engine::JsFunction& relay);
    Q_INVOKABLE bool unwatchBusy(int watcher);
    /// pn.fetch: a fetch task calling `resolve(response)` or `reject(message)`; its id.
    Q_INVOKABLE double fetch(const QString& url, const QVariantMap& options,
                             const qpanel::v8engine::JsFunction& resolve,
                             const qpanel::v8engine::JsFunction& reject);
    Q_INVOKABLE bool cancelTask(double taskId);

    // Charts and models: ScriptModels, the edits as the current task.
    Q_INVOKABLE int createSource(const QVariantMap& data) { return models_.createSource(data); }
    Q_INVOKABLE QVariantMap sourceData(int source) const { return models_.sourceData(source); }
    Q_INVOKABLE void setSourceData(int source, const QVariantMap& data);
    Q_INVOKABLE void stream(int source, const QVariantMap& data, const QVariant& rollover);
    Q_INVOKABLE void patch(int source, const QVariantMap& patches);
    Q_INVOKABLE int createFigure(const QVariantMap& options) {
        return models_.createFigure(options);
    }
    Q_INVOKABLE void line(int figure, const QVariantMap& options) { models_.line(figure, options); }
    Q_INVOKABLE int createChart(int figure);
    Q_INVOKABLE void addTools(int figure, const QVariantList& tools) {
        models_.addTools(figure, tools);
    }
    Q_INVOKABLE void setLegendOption(int figure, const QString& name, const QVariant& value) {
        models_.setLegendOption(figure, name, value);
    }
    Q_INVOKABLE int addPeriodic(const qpanel::v8engine::JsFunction& callback,
                                const QVariantMap& options, bool withLock);
    Q_INVOKABLE QVariant periodic(int id, const QString& what, const QVariant& value = {});
    Q_INVOKABLE QString decodeUtf8(const QByteArray& bytes) const {
        return QString::fromUtf8(bytes);
    }

signals:
    void exceptionHandlerChanged(bool set);

private:
    QVariantList eventArguments(int id, const Events& events);
    static QCoro::AsyncGenerator<QVariant> streamedValues(QPointer<V8Pn> self,
                                                          QCoro::AsyncGenerator<QVariant> values);
    /// Runs `edit` as the task the running JS code belongs to, so lock
    /// checks see the task that holds the lock.
    void asCurrentJsTask(const std::function<void()>& edit) const;
    void deliverBusy(bool busy);

    v8engine::JsEngine& engine_;
    QPointer<v8engine::JsTaskRunner> tasks_;
    QPointer<Document> document_;
    QString scriptFolder_;
    ComponentRegistry components_;
    ScriptModels models_;
    QHash<int, v8engine::JsFunction> busyWatchers_;
    bool lastBusy_ = false;
    int nextBusyWatcher_ = 0;
};

}  // namespace qpanel
