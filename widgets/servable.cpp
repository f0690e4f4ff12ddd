#include "widgets/servable.h"

#include <QVBoxLayout>

#include "core/document.h"
#include "widgets/component.h"

namespace qpanel {

Servables::Servables(Document* document) : QObject(document) {
    setObjectName(QStringLiteral("qpanel_servables"));
}

Servables* Servables::of(Document* document) {
    if (!document) document = Document::current();
    if (auto* existing = document->findChild<Servables*>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new Servables(document);
}

QList<Servables::Root> Servables::roots() const {
    QList<Root> alive;
    for (const Root& root : roots_)
        if (root.component) alive.append(root);
    return alive;
}

QString Servables::title() const {
    for (const Root& root : roots_)
        if (root.component && !root.title.isEmpty()) return root.title;
    return {};
}

void Servables::add(Component* component, const QString& title) {
    if (!component->parent()) component->setParent(parent());
    roots_.append({component, title});
    emit rootAdded(component, title);
}

ServableArea::ServableArea(Document* document, QWidget* parent)
    : QScrollArea(parent), column_(new QWidget) {
    setObjectName(QStringLiteral("ServableArea"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(column_);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(12);
    layout->addStretch(1);
    setWidget(column_);
    Servables* servables = Servables::of(document);
    for (const Servables::Root& root : servables->roots()) addRoot(root.component);
    connect(servables, &Servables::rootAdded, this,
            [this](Component* component) { addRoot(component); });
}

int ServableArea::rootCount() const {
    return column_->layout()->count() - 1;
}

void ServableArea::addRoot(Component* component) {
    auto* layout = static_cast<QVBoxLayout*>(column_->layout());
    layout->insertWidget(layout->count() - 1, component->view());
}

}  // namespace qpanel
