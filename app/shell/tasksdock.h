#pragma once
// The Tasks dock: every task in flight with its origin, state and elapsed
// time (ticking once a second while the dock is shown), a Cancel button per
// row, and failed tasks with their error until "Clear failed".

#include <QDockWidget>
#include <QTimer>

class QTreeView;
class QToolButton;

namespace qpanel {

class TaskListModel;
class TaskRegistry;

class TasksDock : public QDockWidget {
    Q_OBJECT

public:
    explicit TasksDock(TaskRegistry* registry, QWidget* parent = nullptr);

    TaskListModel* model() const { return model_; }
    QTreeView* view() const { return view_; }
    /// Where a row's Cancel button is drawn, in view-viewport coordinates.
    QRect cancelButtonRect(int row) const;

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void cancelSelected();
    void updateButtons();

    TaskListModel* model_;
    QTreeView* view_;
    QToolButton* cancelButton_;
    QToolButton* clearButton_;
    QTimer ticker_;
};

}  // namespace qpanel
