#include "bridge/scripttimers.h"

#include <algorithm>

namespace qpanel {

ScriptTimers::ScriptTimers(QObject* parent) : QObject(parent) {
    clock_.start();
    timer_.setSingleShot(true);
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, &ScriptTimers::fireDue);
}

int ScriptTimers::start(const QJSValue& callback, int delayMs, bool repeat, const QString& origin) {
    const int id = nextId_++;
    Entry& entry = timers_[id];
    entry = Entry{callback, origin, std::max(delayMs, 1), repeat, {}};
    schedule(id, entry, clock_.elapsed());
    rearm();
    return id;
}

void ScriptTimers::clear(int id) {
    const auto it = timers_.find(id);
    if (it == timers_.end()) return;
    queue_.erase(it->deadline);
    timers_.erase(it);
    rearm();
}

void ScriptTimers::clearAll() {
    timers_.clear();
    queue_.clear();
    timer_.stop();
}

void ScriptTimers::schedule(int id, Entry& entry, qint64 now) {
    entry.deadline = {now + entry.intervalMs, sequence_++};
    queue_.emplace(entry.deadline, id);
}

void ScriptTimers::fireDue() {
    // Like node: run every timer already due now, but none started meanwhile.
    const qint64 now = clock_.elapsed();
    const quint64 lastSequence = sequence_;
    while (!queue_.empty()) {
        const auto first = queue_.begin();
        if (first->first.first > now || first->first.second >= lastSequence) break;
        const int id = first->second;
        queue_.erase(first);
        Entry fired;
        if (Entry& entry = timers_[id]; entry.repeat) {
            fired = entry;
            schedule(id, entry, now);
        } else {
            fired = timers_.take(id);
        }
        const QJSValue result =
            caller_ ? caller_(fired.callback, fired.origin) : fired.callback.call();
        if (result.isError()) emit callbackFailed(result);
    }
    rearm();
}

void ScriptTimers::rearm() {
    if (queue_.empty()) {
        timer_.stop();
        return;
    }
    const qint64 due = queue_.begin()->first.first;
    // Restarting a QTimer re-registers it: keep it if it fires in time (an
    // early wake-up finds nothing due and re-arms).
    if (timer_.isActive() && armedFor_ <= due) return;
    armedFor_ = due;
    timer_.start(int(std::max<qint64>(due - clock_.elapsed(), 0)));
}

}  // namespace qpanel
