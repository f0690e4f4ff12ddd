#include "shell/tasklistmodel.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>
#include <algorithm>

namespace qpanel {

TaskListModel::TaskListModel(TaskRegistry* registry, QObject* parent)
    : QAbstractTableModel(parent), registry_(registry) {
    for (const TaskInfo& task : registry->snapshot()) {
        rows_.push_back({task.id, task.sequence, task.origin, task.state, task.startedAt, {}, {}});
        sequences_.insert(task.id, task.sequence);
    }
    std::sort(rows_.begin(), rows_.end(),
              [](const Row& a, const Row& b) { return a.sequence < b.sequence; });
    connect(registry, &TaskRegistry::taskStarted, this, &TaskListModel::add);
    connect(registry, &TaskRegistry::taskStateChanged, this, &TaskListModel::setState);
    connect(registry, &TaskRegistry::taskFinished, this, &TaskListModel::removeTask);
    connect(registry, &TaskRegistry::taskCancelled, this, &TaskListModel::removeTask);
    connect(registry, &TaskRegistry::taskFailed, this, &TaskListModel::fail);
}

int TaskListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

int TaskListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TaskListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case OriginColumn:
            return tr("Origin");
        case StateColumn:
            return tr("State");
        case ElapsedColumn:
            return tr("Elapsed");
        default:
            return {};
    }
}

QVariant TaskListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(rows_.size())) return {};
    const Row& row = rows_.at(index.row());
    const bool failed = row.state == TaskState::Failed;
    if (role == TaskIdRole) return row.id;
    if (role == CancellableRole) return !failed;
    if (role == Qt::ToolTipRole && failed) return row.error;
    if (role == Qt::ForegroundRole && failed && index.column() == StateColumn) {
        const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
        return QBrush(dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xb3, 0x26, 0x1e));
    }
    if (role == Qt::TextAlignmentRole && index.column() == ElapsedColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
        case OriginColumn:
            return row.origin.isEmpty() ? tr("(task %1)").arg(row.id) : row.origin;
        case StateColumn:
            return failed ? tr("Failed: %1").arg(row.error) : toString(row.state);
        case ElapsedColumn:
            return elapsedText((failed ? row.endedAt : std::chrono::steady_clock::now()) -
                               row.startedAt);
        default:
            return {};
    }
}

QString TaskListModel::elapsedText(std::chrono::steady_clock::duration elapsed) {
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(elapsed).count();
    if (seconds < 60) return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return tr("%1:%2:%3")
        .arg(seconds / 3600)
        .arg(seconds / 60 % 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

quint64 TaskListModel::taskId(int row) const {
    return row >= 0 && row < int(rows_.size()) ? rows_.at(row).id : 0;
}

int TaskListModel::rowOf(quint64 id) const {
    const auto sequence = sequences_.constFind(id);
    if (sequence == sequences_.cend()) return -1;
    const auto it = std::lower_bound(rows_.begin(), rows_.end(), *sequence,
                                     [](const Row& row, quint64 s) { return row.sequence < s; });
    return it != rows_.end() && it->id == id ? int(it - rows_.begin()) : -1;
}

bool TaskListModel::cancelRow(int row) {
    if (row < 0 || row >= int(rows_.size()) || rows_.at(row).state == TaskState::Failed ||
        !registry_)
        return false;
    return registry_->cancel(rows_.at(row).id);
}

void TaskListModel::clearFailed() {
    for (int row = int(rows_.size()) - 1; row >= 0; --row) {
        if (rows_.at(row).state == TaskState::Failed) dropRow(row);
    }
}

int TaskListModel::failedCount() const {
    return int(std::count_if(rows_.begin(), rows_.end(),
                             [](const Row& r) { return r.state == TaskState::Failed; }));
}

void TaskListModel::tick() {
    if (rows_.empty()) return;
    emit dataChanged(index(0, ElapsedColumn), index(int(rows_.size()) - 1, ElapsedColumn),
                     {Qt::DisplayRole});
}

void TaskListModel::add(quint64 id, const QString& origin) {
    const TaskRecord* record = registry_ ? registry_->find(id) : nullptr;
    const auto startedAt = record ? record->startedAt : std::chrono::steady_clock::now();
    const TaskState state = record ? record->state : TaskState::Running;
    const quint64 sequence =
        record ? record->sequence : (rows_.empty() ? 0 : rows_.back().sequence) + 1;
    beginInsertRows({}, int(rows_.size()), int(rows_.size()));
    rows_.push_back({id, sequence, origin, state, startedAt, {}, {}});
    sequences_.insert(id, sequence);
    endInsertRows();
}

void TaskListModel::removeTask(quint64 id) {
    const int row = rowOf(id);
    if (row < 0 || rows_.at(row).state == TaskState::Failed) return;
    dropRow(row);
}

void TaskListModel::dropRow(int row) {
    beginRemoveRows({}, row, row);
    sequences_.remove(rows_.at(row).id);
    rows_.erase(rows_.begin() + row);
    endRemoveRows();
}

void TaskListModel::setState(quint64 id, TaskState state) {
    const int row = rowOf(id);
    if (row < 0) return;
    rows_[row].state = state;
    emit dataChanged(index(row, StateColumn), index(row, StateColumn));
}

void TaskListModel::fail(quint64 id, const QString& error) {
    const int row = rowOf(id);
    if (row < 0) return;
    rows_[row].state = TaskState::Failed;
    rows_[row].error = error;
    rows_[row].endedAt = std::chrono::steady_clock::now();
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

}  // namespace qpanel
