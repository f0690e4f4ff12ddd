#include "bridge/scripttimers.h"

#include <algorithm>

namespace qpanel {

ScriptTimers::ScriptTimers(QObject* parent) : QObject(parent) {
    m_clock.start();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ScriptTimers::fireDue);
}

int ScriptTimers::start(const QJSValue& callback, int delayMs, bool repeat, const QString& origin) {
    const int id = m_nextId++;
    Entry& entry = m_timers[id];
    entry = Entry{callback, origin, std::max(delayMs, 1), repeat, {}};
    schedule(id, entry, m_clock.elapsed());
    rearm();
    return id;
}

void ScriptTimers::clear(int id) {
    const auto it = m_timers.find(id);
    if (it == m_timers.end()) return;
    m_queue.erase(it->deadline);
    m_timers.erase(it);
    rearm();
}

void ScriptTimers::clearAll() {
    m_timers.clear();
    m_queue.clear();
    m_timer.stop();
}

void ScriptTimers::schedule(int id, Entry& entry, qint64 now) {
    entry.deadline = {now + entry.intervalMs, m_sequence++};
    m_queue.emplace(entry.deadline, id);
}

void ScriptTimers::fireDue() {
    // Like node: run every timer already due now, but none started meanwhile.
    const qint64 now = m_clock.elapsed();
    const quint64 lastSequence = m_sequence;
    while (!m_queue.empty()) {
        const auto first = m_queue.begin();
        if (first->first.first > now || first->first.second >= lastSequence) break;
        const int id = first->second;
        m_queue.erase(first);
        Entry fired;
        if (Entry& entry = m_timers[id]; entry.repeat) {
            fired = entry;
            schedule(id, entry, now);
        } else {
            fired = m_timers.take(id);
        }
        const QJSValue result = m_caller ? m_caller(fired.callback, fired.origin) : fired.callback.call();
        if (result.isError()) emit callbackFailed(result);
    }
    rearm();
}

void ScriptTimers::rearm() {
    if (m_queue.empty()) {
        m_timer.stop();
        return;
    }
    const qint64 due = m_queue.begin()->first.first;
    // Restarting a QTimer re-registers it: keep it if it fires in time (an
    // early wake-up finds nothing due and re-arms).
    if (m_timer.isActive() && m_armedFor <= due) return;
    m_armedFor = due;
    m_timer.start(int(std::max<qint64>(due - m_clock.elapsed(), 0)));
}

}  // namespace qpanel
