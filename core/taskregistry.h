#pragma once
// Every task the runtime runs is listed here: id, origin, owner, start time,
// state. The tasks dock, `busy` and cancellation all read this one table.

#include <QObject>
#include <QString>
#include <chrono>
#include <exception>
#include <vector>

namespace qpanel {

class Suspension;

enum class TaskState { Waiting, Running, Finished, Failed, Cancelled };
QString toString(TaskState state);

/// Thrown out of a qpanel awaitable when the awaiting task was cancelled, so
/// the coroutine unwinds (running its destructors) instead of resuming.
class TaskCancelled : public std::exception {
public:
    const char* what() const noexcept override { return "task cancelled"; }
};

/// One task's live record. It lives in the task's own coroutine frame, so it
/// needs no allocation and disappears with the task.
struct TaskRecord {
    quint64 id = 0;        ///< unique; encodes the registry slot (see TaskRegistry)
    quint64 sequence = 0;  ///< start order, for display
    QString origin;
    const QObject* owner = nullptr;
    std::chrono::steady_clock::time_point startedAt;
    TaskState state = TaskState::Running;
    bool cancelRequested = false;
    QString failure;  ///< set by TaskRegistry::fail: unwinds as cancelled, ends as failed
    Suspension* parkedAt = nullptr;  ///< the cancellable await it is suspended in, if any
};

/// A copy of a record for display (tasks dock) and tests.
struct TaskInfo {
    quint64 id = 0;
    quint64 sequence = 0;
    QString origin;
    TaskState state = TaskState::Running;
    std::chrono::steady_clock::time_point startedAt;
};

/// The task currently executing on this thread (nullptr outside tasks).
/// qpanel's awaitables capture it when they suspend and restore it on resume.
TaskRecord* currentTask() noexcept;
void setCurrentTask(TaskRecord* task) noexcept;

/// Who is acting on this thread, as the document lock tells holders apart:
/// the current task; else, in a worker-thread job, the context that sent the
/// job there (runInThread); else this thread's code outside tasks (one
/// identity per thread, so no two threads pass for each other).
const void* actingContext() noexcept;

/// For the length of a worker-thread job: act for `context`, the
/// actingContext() of the thread that sent the job.
class ActingFor {
public:
    explicit ActingFor(const void* context) noexcept;
    ~ActingFor();
    ActingFor(const ActingFor&) = delete;
    ActingFor& operator=(const ActingFor&) = delete;

private:
    const void* previous_;
};

/// Throws TaskCancelled if the current task has been cancelled: a checkpoint
/// for code that awaits things other than qpanel's own awaitables.
void throwIfCancelled();

class TaskRegistry : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit TaskRegistry(QObject* parent = nullptr);
    ~TaskRegistry() override;

    /// Gives `record` its id and lists it.
    void add(TaskRecord* record);
    void remove(TaskRecord* record, TaskState finalState, const QString& error = {});
    void setState(TaskRecord* record, TaskState state);

    /// Requests cancellation; a task parked in a qpanel awaitable unwinds
    /// before this returns. Returns false for an unknown id.
    bool cancel(quint64 id);
    /// Unwinds the task as cancel() does, but it ends as failed with `error`
    /// (for code stopped from outside, as the script watchdog does; the
    /// caller has reported the error). Returns false for an unknown id.
    bool fail(quint64 id, const QString& error);
    /// Cancels every task whose owner is `owner`; returns how many.
    int cancelOwnedBy(const QObject* owner);
    int cancelAll();
    /// At shutdown: waits up to `timeout` for tasks that could not unwind at
    /// once (parked on thread jobs) and unwinds them too.
    void unwindStragglers(std::chrono::milliseconds timeout);

    bool busy() const { return count_ > 0; }
    int count() const { return count_; }
    int countOwnedBy(const QObject* owner) const;
    bool contains(quint64 id) const { return find(id) != nullptr; }
    TaskRecord* find(quint64 id) const;
    QList<TaskInfo> snapshot() const;

signals:
    void taskStarted(quint64 id, const QString& origin);
    void taskStateChanged(quint64 id, qpanel::TaskState state);
    void taskFinished(quint64 id);
    void taskFailed(quint64 id, const QString& error);
    void taskCancelled(quint64 id);
    void busyChanged(bool busy);
    void countChanged(int count);

private:
    void cancelRecord(TaskRecord* record);
    template <typename Fn>
    void forEachRecord(Fn&& fn) const;

    // A slot map: id = generation << 32 | slot, so lookups are an index and
    // a compare, and nothing is allocated per task (a hash map's nodes and
    // rehashes dominated spawning at 100k+ live tasks).
    struct Slot {
        TaskRecord* record = nullptr;
        quint32 generation = 1;
    };
    std::vector<Slot> slots_;
    std::vector<quint32> freeSlots_;
    int count_ = 0;
    quint64 lastSequence_ = 0;
};

}  // namespace qpanel
