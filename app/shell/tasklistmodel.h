#pragma once
// The runtime's tasks as a table for the Tasks dock: every task in flight
// (origin, state, elapsed time), plus failed tasks with their error until
// cleared. Fed by TaskRegistry's signals; finished and cancelled tasks leave.

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <chrono>
#include <deque>

#include "core/taskregistry.h"

namespace qpanel {

class TaskListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { OriginColumn, StateColumn, ElapsedColumn, CancelColumn, ColumnCount };
    enum Role { TaskIdRole = Qt::UserRole + 1, CancellableRole };

    explicit TaskListModel(TaskRegistry* registry, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    quint64 taskId(int row) const;
    int rowOf(quint64 id) const;
    /// Cancels the task shown in `row`; false if it is no longer running.
    bool cancelRow(int row);
    /// Drops the failed tasks kept for their error.
    void clearFailed();
    int failedCount() const;
    /// Refreshes the elapsed column (called once a second while shown).
    void tick();

private:
    struct Row {
        quint64 id;
        quint64 sequence;  ///< start order: rows are sorted by it
        QString origin;
        TaskState state;
        std::chrono::steady_clock::time_point startedAt;
        std::chrono::steady_clock::time_point endedAt;
        QString error;
    };
    void add(quint64 id, const QString& origin);
    void removeTask(quint64 id);
    void setState(quint64 id, TaskState state);
    void fail(quint64 id, const QString& error);
    static QString elapsedText(std::chrono::steady_clock::duration elapsed);

    QPointer<TaskRegistry> registry_;
    void dropRow(int row);

    // Tasks mostly end oldest first (cancel-all, equal sleeps): a deque drops
    // the front cheaply, and rows are found by binary search on the sequence.
    std::deque<Row> rows_;
    QHash<quint64, quint64> sequences_;  // id -> sequence
};

}  // namespace qpanel
