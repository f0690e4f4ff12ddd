#pragma once
// The shared half of Row, Column and Card: an ordered list of components
// laid out in a line at their natural sizes. Parentless components added
// here are adopted (deleted with the layout, as QWidgets are by their
// parent: declare stack components after the layout); a component destroyed
// elsewhere leaves the list.

#include <initializer_list>

#include "widgets/panes/panel.h"

class QBoxLayout;

namespace qpanel {

class ListLayout : public Component {
    Q_OBJECT

public:
    void append(Panelable item);
    void insert(int index, Panelable item);
    /// Takes `component` out; an adopted one is handed back parentless, not deleted.
    void remove(Component* component);
    void clear();
    QList<Component*> objects() const;
    int count() const { return int(objects_.size()); }
    /// Whether `component` is among the objects, or inside a layout among them.
    bool holds(const Component* component) const;

protected:
    ListLayout(QString typeName, Qt::Orientation orientation,
               std::initializer_list<Panelable> items, const QVariantMap& params, QObject* parent);

    QWidget* createView() override;
    /// Lays the children out in `container` (for views that wrap the list).
    void fill(QWidget* container);

private:
    void place(int index, Component* component);

    Qt::Orientation orientation_;
    QList<QPointer<Component>> objects_;
    QPointer<QWidget> container_;
};

}  // namespace qpanel
