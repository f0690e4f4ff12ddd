#include "core/taskregistry.h"

#include <algorithm>
#include <vector>

#include "core/suspension.h"

namespace qpanel {

namespace {
thread_local TaskRecord* tlsCurrentTask = nullptr;
thread_local const void* tlsActingFor = nullptr;
thread_local const char tlsThreadIdentity = 0;
}  // namespace

TaskRecord* currentTask() noexcept {
    return tlsCurrentTask;
}
void setCurrentTask(TaskRecord* task) noexcept {
    tlsCurrentTask = task;
}

const void* actingContext() noexcept {
    if (tlsCurrentTask) return tlsCurrentTask;
    if (tlsActingFor) return tlsActingFor;
    return &tlsThreadIdentity;
}

ActingFor::ActingFor(const void* context) noexcept : previous_(tlsActingFor) {
    tlsActingFor = context;
}

ActingFor::~ActingFor() {
    tlsActingFor = previous_;
}

void throwIfCancelled() {
    if (tlsCurrentTask && tlsCurrentTask->cancelRequested) throw TaskCancelled();
}

QString toString(TaskState state) {
    switch (state) {
        case TaskState::Waiting:
            return QStringLiteral("waiting");
        case TaskState::Running:
            return QStringLiteral("running");
        case TaskState::Finished:
            return QStringLiteral("finished");
        case TaskState::Failed:
            return QStringLiteral("failed");
        case TaskState::Cancelled:
            return QStringLiteral("cancelled");
    }
    return {};
}

TaskRegistry::TaskRegistry(QObject* parent) : QObject(parent) {}

TaskRegistry::~TaskRegistry() {
    cancelAll();
}

void TaskRegistry::add(TaskRecord* record) {
    quint32 slot;
    if (freeSlots_.empty()) {
        slot = quint32(slots_.size());
        slots_.push_back(Slot{});
    } else {
        slot = freeSlots_.back();
        freeSlots_.pop_back();
    }
    slots_[slot].record = record;
    record->id = (quint64(slots_[slot].generation) << 32) | slot;
    record->sequence = ++lastSequence_;
    record->startedAt = std::chrono::steady_clock::now();
    ++count_;
    emit taskStarted(record->id, record->origin);
    emit countChanged(count_);
    if (count_ == 1) emit busyChanged(true);
}

TaskRecord* TaskRegistry::find(quint64 id) const {
    const quint32 slot = quint32(id);
    if (slot >= slots_.size()) return nullptr;
    const Slot& s = slots_[slot];
    return s.generation == quint32(id >> 32) ? s.record : nullptr;
}

template <typename Fn>
void TaskRegistry::forEachRecord(Fn&& fn) const {
    for (const Slot& s : slots_)
        if (s.record) fn(s.record);
}

void TaskRegistry::setState(TaskRecord* record, TaskState state) {
    if (record->state == state) return;
    record->state = state;
    emit taskStateChanged(record->id, state);
}

void TaskRegistry::remove(TaskRecord* record, TaskState finalState, const QString& error) {
    record->state = finalState;
    if (find(record->id) != record) return;
    Slot& slot = slots_[quint32(record->id)];
    slot.record = nullptr;
    ++slot.generation;
    freeSlots_.push_back(quint32(record->id));
    --count_;
    switch (finalState) {
        case TaskState::Failed:
            emit taskFailed(record->id, error);
            break;
        case TaskState::Cancelled:
            emit taskCancelled(record->id);
            break;
        default:
            emit taskFinished(record->id);
            break;
    }
    emit countChanged(count_);
    if (count_ == 0) emit busyChanged(false);
}

void TaskRegistry::cancelRecord(TaskRecord* record) {
    if (record->cancelRequested) return;
    record->cancelRequested = true;
    Suspension* parked = record->parkedAt;
    if (parked && parked->detach()) parked->resume();
}

bool TaskRegistry::cancel(quint64 id) {
    TaskRecord* record = find(id);
    if (!record) return false;
    cancelRecord(record);
    return true;
}

bool TaskRegistry::fail(quint64 id, const QString& error) {
    TaskRecord* record = find(id);
    if (!record) return false;
    if (record->failure.isEmpty())
        record->failure = error.isEmpty() ? QStringLiteral("failed") : error;
    cancelRecord(record);
    return true;
}

int TaskRegistry::cancelOwnedBy(const QObject* owner) {
    // Collect ids first: unwinding a task removes it from the map.
    std::vector<std::pair<quint64, quint64>> ids;  // (sequence, id): cancel oldest first
    forEachRecord([&](TaskRecord* record) {
        if (record->owner == owner && !record->cancelRequested)
            ids.emplace_back(record->sequence, record->id);
    });
    std::sort(ids.begin(), ids.end());
    for (const auto& entry : ids) cancel(entry.second);
    return int(ids.size());
}

int TaskRegistry::cancelAll() {
    std::vector<std::pair<quint64, quint64>> ids;
    forEachRecord([&](TaskRecord* record) {
        if (!record->cancelRequested) ids.emplace_back(record->sequence, record->id);
    });
    std::sort(ids.begin(), ids.end());
    for (const auto& entry : ids) cancel(entry.second);
    return int(ids.size());
}

void TaskRegistry::unwindStragglers(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::vector<TaskRecord*> parked;
    forEachRecord([&](TaskRecord* record) {
        if (record->parkedAt) parked.push_back(record);
    });
    for (TaskRecord* record : parked) {
        Suspension* suspension = record->parkedAt;
        if (!suspension) continue;  // unwound meanwhile
        record->cancelRequested = true;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (suspension->detachWaiting(std::max(left, std::chrono::milliseconds(0))))
            suspension->resume();
    }
}

int TaskRegistry::countOwnedBy(const QObject* owner) const {
    int n = 0;
    forEachRecord([&](const TaskRecord* record) { n += record->owner == owner; });
    return n;
}

QList<TaskInfo> TaskRegistry::snapshot() const {
    QList<TaskInfo> infos;
    infos.reserve(count_);
    forEachRecord([&](const TaskRecord* record) {
        infos.append(TaskInfo{record->id, record->sequence, record->origin, record->state,
                              record->startedAt});
    });
    std::sort(infos.begin(), infos.end(),
              [](const TaskInfo& a, const TaskInfo& b) { return a.sequence < b.sequence; });
    return infos;
}

}  // namespace qpanel
