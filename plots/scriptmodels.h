#pragma once
// The chart models one app script made (ColumnDataSources, figures, and any
// other QObject a binding keeps by id, such as periodic callbacks), known to
// its JavaScript by id. Engine-neutral: QJSEngine's and V8's `pn` natives
// forward to it and turn its ParamErrors into TypeErrors at the calling
// line; options are checked and named as Bokeh names them. Models belong to
// the document; an id whose model went (the app closed) is an error.
//
//   ScriptModels models(&document);
//   const int source = models.createSource({{"x", QVariantList{1, 2}}, {"y", QVariantList{3, 4}}});
//   const int figure = models.createFigure({{"title", "Live"}});
//   models.line(figure, {{"x", "x"}, {"y", "y"}, {"source", source}});

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QVariant>
#include <optional>

#include "core/document.h"
#include "core/param.h"
#include "core/periodiccallback.h"

namespace qpanel {

class Document;
class Figure;

class ScriptModels : public QObject {
    Q_OBJECT

public:
    explicit ScriptModels(Document* document, QObject* parent = nullptr);

    /// Keeps `model` by a new id (the document adopts it if parentless).
    int remember(QObject* model);
    /// The model of type T behind `id`, or ParamError "not a <what> (or its app was closed)".
    template <typename T>
    T* require(int id, const char* what) const {
        T* object = qobject_cast<T*>(models_.value(id).data());
        if (!object) throw ParamError(missing(what).toStdString());
        return object;
    }

    // pn.models.ColumnDataSource
    int createSource(const QVariantMap& data);
    QVariantMap sourceData(int source) const;
    /// The edits check the document lock against the current task.
    void setSourceData(int source, const QVariantMap& data);
    void stream(int source, const QVariantMap& data, std::optional<qint64> rollover);
    /// `patches`: {column: [[index, value], ...]}.
    void patch(int source, const QVariantMap& patches);

    // pn.plotting.figure and its glyphs
    int createFigure(const QVariantMap& options);
    Figure* figure(int id) const;
    void line(int figure, const QVariantMap& options);
    void addTools(int figure, const QVariantList& tools);
    /// p.legend.click_policy / p.legend.location.
    void setLegendOption(int figure, const QString& name, const QVariant& value);

    // pn.state.add_periodic_callback
    /// {period, count, timeout, start}, checked; `name` is the callback's, for the origin.
    static PeriodicCallback::Options periodicOptions(const QVariantMap& options,
                                                     const QString& name);
    /// PeriodicCallback's start/stop and its running/counter/period (`what`).
    static QVariant controlPeriodic(PeriodicCallback& callback, const QString& what,
                                    const QVariant& value);

    /// A refused edit of a task whose pn.io.with_lock function (`what`) was
    /// called directly: the error says why the lock was not held.
    static LockRequiredError calledWithLockDirectly(const LockRequiredError& refused,
                                                    const QString& what);

private:
    static QString missing(const char* what);

    QPointer<Document> document_;
    QHash<int, QPointer<QObject>> models_;
    int nextId_ = 0;
};

}  // namespace qpanel
