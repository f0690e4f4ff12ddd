#pragma once
// The components one app script made, known to its JavaScript by id (a
// number crosses any engine cheaply; the script's facade keeps it): create
// by Panel name, read and set params, lay out, serve. Engine-neutral: the
// JS bindings (QJSEngine's and V8's) forward to it and turn its ParamErrors
// into TypeErrors at the calling line. Components it makes belong to the
// document; an id whose component was deleted (the app closed) is an error
// that says so.
//
//   ComponentRegistry components(&document);
//   const int slider = components.create(ComponentGroup::Widget, "FloatSlider", {{"end", 10}});
//   components.set(slider, "value", 4.5);

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QVariant>
#include <functional>

#include "core/document.h"
#include "session/componentfactory.h"
#include "session/environmentaccess.h"
#include "widgets/component.h"

namespace qpanel {

class ComponentRegistry : public QObject {
    Q_OBJECT

public:
    explicit ComponentRegistry(Document* document, QObject* parent = nullptr);

    /// Where console warnings go (ignored layout options, refused pn.env names).
    void setWarning(std::function<void(const QString&)> warn) { warn_ = std::move(warn); }
    /// Which environment variables env() reads (default: QPANEL_* only).
    void setEnvironmentAccess(EnvironmentAccess access) { environment_ = std::move(access); }

    /// The component, or null once it was deleted (or never was).
    Component* component(int id) const { return components_.value(id).data(); }
    /// component(id), or ParamError "this component no longer exists".
    Component* require(int id) const;
    /// The id of `component` (given one now, adopted by the document if parentless).
    int remember(Component* component);

    /// A component by Panel name (pn.widgets.<kind>...); ignored layout
    /// options are warned about once each. Throws ParamError.
    int create(ComponentGroup group, const QString& kind, const QVariantMap& params);
    QString typeName(int id) const;
    QStringList params(int id) const;
    QString label(int id) const;
    /// A param's value as the component holds it (a Component* for one holding a component).
    QVariant get(int id, const QString& name) const;
    void set(int id, const QString& name, const QVariant& value);
    void trigger(int id, const QString& name);
    /// `child` is a component id (a number) or text, made into a Markdown pane.
    void append(int layout, const QVariant& child);
    void appendTab(int tabs, const QString& title, const QVariant& child);
    void servable(int id, const QString& title);
    /// pn.env: the variable if the script may read it, else `fallback`, with
    /// a warning once per refused name saying how to allow it.
    QString env(const QString& name, const QString& fallback);

    /// A value as the V8 `pn` hands it to scripts: a component is the
    /// marker {__component: id} (pn.js makes it the component's facade),
    /// a param's None is null; anything else as it is.
    QVariant toScript(const QVariant& value);
    /// The reverse: a marker {__component: id} is that component (null once
    /// it was deleted); anything else as it is.
    QVariant fromScript(const QVariant& value) const;

private:
    Component* childFrom(const QVariant& child);
    void warn(const QString& text) const {
        if (warn_) warn_(text);
    }

    QPointer<Document> document_;
    std::function<void(const QString&)> warn_;
    EnvironmentAccess environment_;
    QSet<QString> refusedEnvironment_;  // each refused name is warned about once
    QSet<QString> warnedOptions_;       // each ignored layout option is warned about once
    QHash<int, QPointer<Component>> components_;
    QHash<const Component*, int> ids_;
    int nextId_ = 0;
};

}  // namespace qpanel
