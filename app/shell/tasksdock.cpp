#include "shell/tasksdock.h"

#include <QHeaderView>
#include <QToolButton>
#include <QTreeView>

#include "shell/cancelbuttondelegate.h"
#include "shell/dockbody.h"
#include "shell/tasklistmodel.h"

namespace qpanel {

TasksDock::TasksDock(TaskRegistry* registry, QWidget* parent)
    : QDockWidget(tr("Tasks"), parent),
      model_(new TaskListModel(registry, this)),
      view_(new QTreeView),
      cancelButton_(dockButton(tr("Cancel Task"), tr("Cancel the selected task"))),
      clearButton_(dockButton(tr("Clear Failed"), tr("Remove failed tasks from the list"))) {
    setObjectName(QStringLiteral("TasksDock"));
    view_->setModel(model_);
    view_->setRootIsDecorated(false);
    view_->setUniformRowHeights(true);
    view_->setAlternatingRowColors(true);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    auto* delegate = new CancelButtonDelegate(view_);
    view_->setItemDelegateForColumn(TaskListModel::CancelColumn, delegate);
    connect(delegate, &CancelButtonDelegate::clicked, this,
            [this](const QModelIndex& index) { model_->cancelRow(index.row()); });
    QHeaderView* header = view_->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(TaskListModel::OriginColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(TaskListModel::StateColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(TaskListModel::ElapsedColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(TaskListModel::CancelColumn, QHeaderView::Fixed);
    header->resizeSection(TaskListModel::CancelColumn,
                          fontMetrics().horizontalAdvance(tr("Cancel")) + 32);

    connect(cancelButton_, &QToolButton::clicked, this, &TasksDock::cancelSelected);
    connect(clearButton_, &QToolButton::clicked, model_, &TaskListModel::clearFailed);
    setWidget(dockBody({cancelButton_, clearButton_}, view_));

    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(model_, signal, this, &TasksDock::updateButtons);
    connect(model_, &QAbstractItemModel::dataChanged, this, &TasksDock::updateButtons);
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TasksDock::updateButtons);
    ticker_.setInterval(1000);
    connect(&ticker_, &QTimer::timeout, model_, &TaskListModel::tick);
    updateButtons();
}

QRect TasksDock::cancelButtonRect(int row) const {
    return CancelButtonDelegate::buttonRect(
        view_->visualRect(model_->index(row, TaskListModel::CancelColumn)));
}

void TasksDock::showEvent(QShowEvent* event) {
    QDockWidget::showEvent(event);
    model_->tick();
    ticker_.start();
}

void TasksDock::hideEvent(QHideEvent* event) {
    QDockWidget::hideEvent(event);
    ticker_.stop();
}

void TasksDock::cancelSelected() {
    const QModelIndexList rows = view_->selectionModel()->selectedRows();
    if (!rows.isEmpty()) model_->cancelRow(rows.constFirst().row());
}

void TasksDock::updateButtons() {
    const QModelIndexList rows = view_->selectionModel()->selectedRows();
    cancelButton_->setEnabled(!rows.isEmpty() &&
                              rows.constFirst().data(TaskListModel::CancellableRole).toBool());
    clearButton_->setEnabled(model_->failedCount() > 0);
}

}  // namespace qpanel
