#include "python/pywatchdog.h"

#include <Python.h>
#include <pthread.h>

#include <QtGlobal>
#include <algorithm>
#include <csignal>

namespace qpanel::python {

std::chrono::milliseconds PyWatchdog::defaultLimit() {
    bool ok = false;
    const int ms = qEnvironmentVariableIntValue("QPANEL_SCRIPT_TIME_LIMIT_MS", &ok);
    return std::chrono::milliseconds(ok && ms > 0 ? ms : 5000);
}

PyWatchdog& PyWatchdog::instance() {
    static PyWatchdog watchdog;
    return watchdog;
}

PyWatchdog::PyWatchdog() : limit_(defaultLimit()), thread_([this] { watch(); }) {}

PyWatchdog::~PyWatchdog() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void PyWatchdog::setLimit(std::chrono::milliseconds limit) {
    {
        std::lock_guard lock(mutex_);
        limit_ = std::max(limit, std::chrono::milliseconds(1));
    }
    wake_.notify_all();
}

std::chrono::milliseconds PyWatchdog::limit() const {
    std::lock_guard lock(mutex_);
    return limit_;
}

void PyWatchdog::watch() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        const auto period =
            std::clamp(limit_ / 8, std::chrono::milliseconds(5), std::chrono::milliseconds(250));
        wake_.wait_for(lock, period);
        const std::uint64_t running = running_.load(std::memory_order_acquire);
        const auto now = std::chrono::steady_clock::now();
        if (running != watched_) {
            watched_ = running;
            seen_ = now;
        } else if (running != 0 && now - seen_ >= limit_) {
            requestInterrupt(false);
        }
    }
}

void PyWatchdog::interrupt() {
    std::lock_guard lock(mutex_);
    requestInterrupt(true);
}

void PyWatchdog::requestInterrupt(bool forced) {
    const std::uint64_t running = running_.load(std::memory_order_acquire);
    if (running == 0 || requested_ == running) return;
    requested_ = running;
    forced_ = forced;
    // Thread-safe and needs no GIL; runs at the spinning code's next
    // bytecode boundary. A full queue (-1) is retried next period.
    const int added = Py_AddPendingCall(&PyWatchdog::raiseOverdue, this);
    if (added != 0)
        requested_ = 0;
    else if (wakeSignal_ > 0)
        pthread_kill(guiThread_, wakeSignal_);
}

int PyWatchdog::raiseOverdue(void* self) {
    auto* watchdog = static_cast<PyWatchdog*>(self);
    std::chrono::milliseconds limit;
    {
        std::lock_guard lock(watchdog->mutex_);
        // The overdue call may have returned meanwhile: then nothing to stop.
        const std::uint64_t running = watchdog->running_.load(std::memory_order_acquire);
        if (running != watchdog->requested_ || running == watchdog->raised_) return 0;
        watchdog->raised_ = running;
        limit = watchdog->limit_;
        if (watchdog->forced_) {
            PyErr_SetString(PyExc_TimeoutError,
                            "interrupted: this code was still running when the run's --timeout "
                            "passed");
            return -1;
        }
    }
    PyErr_Format(PyExc_TimeoutError,
                 "interrupted: this code ran for more than %lld ms without returning to the event "
                 "loop (a runaway loop? the limit is QPANEL_SCRIPT_TIME_LIMIT_MS)",
                 static_cast<long long>(limit.count()));
    return -1;
}

PyWatchdog::Entry::Entry(PyWatchdog& watchdog) : watchdog_(watchdog) {
    if (watchdog_.depth_++ > 0) return;
    watchdog_.running_.store(++watchdog_.last_, std::memory_order_release);
}

PyWatchdog::Entry::~Entry() {
    if (--watchdog_.depth_ > 0) return;
    watchdog_.running_.store(0, std::memory_order_release);
}

}  // namespace qpanel::python
