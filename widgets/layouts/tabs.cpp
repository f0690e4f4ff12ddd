#include "widgets/layouts/tabs.h"

#include <QSignalBlocker>
#include <QTabWidget>

namespace qpanel {

Tabs::Tabs(std::initializer_list<Tab> tabs, const QVariantMap& params, QObject* parent)
    : Component(QStringLiteral("Tabs"), parent) {
    declare({QStringLiteral("active"), QMetaType::fromType<int>(), 0, false, false, 0.0});
    for (const Tab& tab : tabs) append(tab.title, tab.item);
    configure(params);
}

void Tabs::append(const QString& title, Panelable item) {
    Component* component = item.component();
    if (!component) return;
    if (!component->parent()) component->setParent(this);
    tabs_.append({title, component});
    if (existingView()) addPage(tabs_.constLast());
}

Component* Tabs::object(int index) const {
    return tabs_.value(index).component;
}

QString Tabs::title(int index) const {
    return tabs_.value(index).title;
}

void Tabs::validate(const ParamSpec& spec, QVariant& value) const {
    if (spec.name == QLatin1String("active") && value.toInt() >= qMax(1, count()))
        throw ParamError(QStringLiteral("Tabs.active: %1 is not a tab index (there are %2 tabs)")
                             .arg(value.toInt())
                             .arg(count())
                             .toStdString());
}

QWidget* Tabs::createView() {
    tabWidget_ = new QTabWidget;
    tabWidget_->setDocumentMode(true);
    for (const Entry& entry : tabs_) addPage(entry);
    connect(tabWidget_, &QTabWidget::currentChanged, this, [this](int index) {
        if (index >= 0) setFromView(QStringLiteral("active"), index);
    });
    return tabWidget_;
}

void Tabs::addPage(const Entry& entry) {
    if (!entry.component) return;
    const QSignalBlocker blocker(tabWidget_);
    tabWidget_->addTab(entry.component->view(), entry.title);
}

void Tabs::syncView(const QString& name, const QVariant& value) {
    if (name != QLatin1String("active")) return;
    const QSignalBlocker blocker(tabWidget_);
    tabWidget_->setCurrentIndex(value.toInt());
}

}  // namespace qpanel
