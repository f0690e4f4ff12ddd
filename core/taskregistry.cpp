#include "core/taskregistry.h"

#include "core/suspension.h"

#include <algorithm>
#include <vector>

namespace qpanel {

namespace {
thread_local TaskRecord* tlsCurrentTask = nullptr;
}

TaskRecord* currentTask() noexcept { return tlsCurrentTask; }
void setCurrentTask(TaskRecord* task) noexcept { tlsCurrentTask = task; }

void throwIfCancelled() {
    if (tlsCurrentTask && tlsCurrentTask->cancelRequested) throw TaskCancelled();
}

QString toString(TaskState state) {
    switch (state) {
        case TaskState::Waiting: return QStringLiteral("waiting");
        case TaskState::Running: return QStringLiteral("running");
        case TaskState::Finished: return QStringLiteral("finished");
        case TaskState::Failed: return QStringLiteral("failed");
        case TaskState::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

TaskRegistry::TaskRegistry(QObject* parent) : QObject(parent) {}

TaskRegistry::~TaskRegistry() { cancelAll(); }

void TaskRegistry::add(TaskRecord* record) {
    record->startedAt = std::chrono::steady_clock::now();
    const bool wasIdle = tasks_.empty();
    tasks_.emplace(record->id, record);
    emit taskStarted(record->id, record->origin);
    emit countChanged(int(tasks_.size()));
    if (wasIdle) emit busyChanged(true);
}

void TaskRegistry::setState(TaskRecord* record, TaskState state) {
    if (record->state == state) return;
    record->state = state;
    emit taskStateChanged(record->id, state);
}

void TaskRegistry::remove(TaskRecord* record, TaskState finalState, const QString& error) {
    record->state = finalState;
    if (tasks_.erase(record->id) == 0) return;
    switch (finalState) {
        case TaskState::Failed: emit taskFailed(record->id, error); break;
        case TaskState::Cancelled: emit taskCancelled(record->id); break;
        default: emit taskFinished(record->id); break;
    }
    emit countChanged(int(tasks_.size()));
    if (tasks_.empty()) emit busyChanged(false);
}

void TaskRegistry::cancelRecord(TaskRecord* record) {
    if (record->cancelRequested) return;
    record->cancelRequested = true;
    Suspension* parked = record->parkedAt;
    if (parked && parked->detach()) parked->resume();
}

bool TaskRegistry::cancel(quint64 id) {
    auto it = tasks_.find(id);
    if (it == tasks_.end()) return false;
    cancelRecord(it->second);
    return true;
}

int TaskRegistry::cancelOwnedBy(const QObject* owner) {
    // Collect ids first: unwinding a task removes it from the map.
    std::vector<quint64> ids;
    for (const auto& [id, record] : tasks_)
        if (record->owner == owner && !record->cancelRequested) ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    for (quint64 id : ids) cancel(id);
    return int(ids.size());
}

int TaskRegistry::cancelAll() {
    std::vector<quint64> ids;
    ids.reserve(tasks_.size());
    for (const auto& [id, record] : tasks_)
        if (!record->cancelRequested) ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    for (quint64 id : ids) cancel(id);
    return int(ids.size());
}

int TaskRegistry::countOwnedBy(const QObject* owner) const {
    return int(std::count_if(tasks_.begin(), tasks_.end(),
                             [owner](const auto& entry) { return entry.second->owner == owner; }));
}

QList<TaskInfo> TaskRegistry::snapshot() const {
    QList<TaskInfo> infos;
    infos.reserve(qsizetype(tasks_.size()));
    for (const auto& [id, record] : tasks_)
        infos.append(TaskInfo{id, record->origin, record->state, record->startedAt});
    std::sort(infos.begin(), infos.end(),
              [](const TaskInfo& a, const TaskInfo& b) { return a.id < b.id; });
    return infos;
}

}  // namespace qpanel
