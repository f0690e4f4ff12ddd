#include "session/componentregistry.h"

#include "widgets/component.h"
#include "widgets/layoutoptions.h"
#include "widgets/layouts/listlayout.h"
#include "widgets/layouts/tabs.h"
#include "widgets/panes/markdown.h"

namespace qpanel {

ComponentRegistry::ComponentRegistry(Document* document, QObject* parent)
    : QObject(parent), document_(document) {}

Component* ComponentRegistry::require(int id) const {
    Component* found = component(id);
    if (!found) throw ParamError("this component no longer exists (its app was closed)");
    return found;
}

int ComponentRegistry::remember(Component* component) {
    if (const auto it = ids_.constFind(component); it != ids_.cend()) return *it;
    if (!component->parent()) component->setParent(document_.data());  // the app owns it
    const int id = ++nextId_;
    components_.insert(id, component);
    ids_.insert(component, id);
    connect(component, &QObject::destroyed, this, [this, id, component] {
        components_.remove(id);
        ids_.remove(component);
    });
    return id;
}

int ComponentRegistry::create(ComponentGroup group, const QString& kind,
                              const QVariantMap& params) {
    Document::Scope scope(document_.data());
    QStringList ignored;
    Component* made = createComponent(group, kind, params, &ignored);
    for (const QString& name : ignored) {
        if (warnedOptions_.contains(name)) continue;
        warnedOptions_.insert(name);
        warn(layoutoptions::ignoredWarning(name));
    }
    return remember(made);
}

QString ComponentRegistry::typeName(int id) const {
    const Component* c = component(id);
    return c ? c->typeName() : QString();
}

QStringList ComponentRegistry::params(int id) const {
    const Component* c = component(id);
    return c ? c->paramNames() : QStringList();
}

QString ComponentRegistry::label(int id) const {
    const Component* c = component(id);
    return c ? c->label() : QString();
}

QVariant ComponentRegistry::get(int id, const QString& name) const {
    return require(id)->get(name);
}

void ComponentRegistry::set(int id, const QString& name, const QVariant& value) {
    require(id)->set(name, fromScript(value));
}

void ComponentRegistry::trigger(int id, const QString& name) {
    require(id)->trigger(name);
}

Component* ComponentRegistry::childFrom(const QVariant& child) {
    if (child.typeId() != QMetaType::QString) return require(child.toInt());
    Document::Scope scope(document_.data());
    auto* pane = new Markdown(child.toString());
    remember(pane);
    return pane;
}

void ComponentRegistry::append(int layout, const QVariant& child) {
    auto* list = qobject_cast<ListLayout*>(require(layout));
    if (!list)
        throw ParamError(QStringLiteral("%1 cannot hold children")
                             .arg(require(layout)->typeName())
                             .toStdString());
    list->append(childFrom(child));
}

void ComponentRegistry::appendTab(int tabs, const QString& title, const QVariant& child) {
    auto* t = qobject_cast<Tabs*>(require(tabs));
    if (!t) throw ParamError("pn.Tabs expects [title, object] pairs");
    t->append(title, childFrom(child));
}

void ComponentRegistry::servable(int id, const QString& title) {
    require(id)->servable(title);
}

QString ComponentRegistry::env(const QString& name, const QString& fallback) {
    if (!environment_.allows(name)) {
        if (!refusedEnvironment_.contains(name)) {
            refusedEnvironment_.insert(name);
            warn(environment_.refusal(name));
        }
        return fallback;
    }
    return qEnvironmentVariableIsSet(qPrintable(name)) ? qEnvironmentVariable(qPrintable(name))
                                                       : fallback;
}

QVariant ComponentRegistry::toScript(const QVariant& value) {
    if (Component* component = componentFrom(value))
        return QVariantMap{{QStringLiteral("__component"), remember(component)}};
    if (!value.isValid() ||
        (value.metaType().flags().testFlag(QMetaType::PointerToQObject) && value.isNull()))
        return QVariant::fromValue(nullptr);
    return value;
}

QVariant ComponentRegistry::fromScript(const QVariant& value) const {
    if (value.metaType().id() != QMetaType::QVariantMap) return value;
    const QVariantMap map = value.toMap();
    const auto marker = map.constFind(QStringLiteral("__component"));
    if (marker == map.cend() || map.size() != 1) return value;
    return QVariant::fromValue<QObject*>(component(marker->toInt()));
}

}  // namespace qpanel
