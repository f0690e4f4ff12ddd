#include "widgets/layouts/listlayout.h"

#include <QBoxLayout>

namespace qpanel {

ListLayout::ListLayout(QString typeName, Qt::Orientation orientation,
                       std::initializer_list<Panelable> items, const QVariantMap& params,
                       QObject* parent)
    : Component(std::move(typeName), parent), orientation_(orientation) {
    configure(params);
    for (const Panelable& item : items) append(item);
}

void ListLayout::append(Panelable item) {
    insert(count(), item);
}

bool ListLayout::holds(const Component* component) const {
    for (const QPointer<Component>& c : objects_) {
        if (c == component) return true;
        if (auto* inner = qobject_cast<const ListLayout*>(c.data());
            inner && inner->holds(component))
            return true;
    }
    return false;
}

void ListLayout::insert(int index, Panelable item) {
    Component* component = item.component();
    if (!component) return;
    // A cycle would build views (and tear them down) without end.
    auto* layout = qobject_cast<ListLayout*>(component);
    if (component == this || (layout && layout->holds(this)))
        throw ParamError(QStringLiteral("%1.append: a layout cannot hold itself (directly or "
                                        "through a layout inside it)")
                             .arg(typeName())
                             .toStdString());
    if (!component->parent()) component->setParent(this);
    index = qBound(0, index, count());
    objects_.insert(index, component);
    connect(component, &QObject::destroyed, this, [this, component] {
        objects_.removeIf(
            [component](const QPointer<Component>& c) { return !c || c == component; });
    });
    if (container_) place(index, component);
}

void ListLayout::remove(Component* component) {
    if (!objects_.removeOne(component)) return;
    disconnect(component, &QObject::destroyed, this, nullptr);
    if (QWidget* view = component->existingView();
        view && container_ && view->parentWidget() == container_) {
        view->hide();
        view->setParent(nullptr);  // the component still owns it
    }
    if (component->parent() == this) component->setParent(nullptr);  // the caller owns it again
}

void ListLayout::clear() {
    for (Component* component : objects()) remove(component);
}

QList<Component*> ListLayout::objects() const {
    QList<Component*> alive;
    for (const auto& component : objects_)
        if (component) alive.append(component);
    return alive;
}

QWidget* ListLayout::createView() {
    auto* view = new QWidget;
    fill(view);
    return view;
}

void ListLayout::fill(QWidget* container) {
    container_ = container;
    auto* box = new QBoxLayout(
        orientation_ == Qt::Horizontal ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom,
        container);
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(8);
    box->addStretch(1);  // children keep their natural size, packed at the start
    const QList<Component*> children = objects();
    for (int i = 0; i < children.size(); ++i) place(i, children[i]);
}

void ListLayout::place(int index, Component* component) {
    auto* box = static_cast<QBoxLayout*>(container_->layout());
    QWidget* view = component->view();
    index = qMin(index, box->count() - 1);  // before the trailing stretch
    box->insertWidget(index, view, 0,
                      orientation_ == Qt::Horizontal ? Qt::AlignTop : Qt::Alignment());
    if (component->get(QStringLiteral("visible")).toBool()) view->show();
}

}  // namespace qpanel
