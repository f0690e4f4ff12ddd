#include "bridge/scriptwatchdog.h"

#include <algorithm>

namespace qpanel {

std::chrono::milliseconds ScriptWatchdog::defaultLimit() {
    bool ok = false;
    const int ms = qEnvironmentVariableIntValue("QPANEL_SCRIPT_TIME_LIMIT_MS", &ok);
    return std::chrono::milliseconds(ok && ms > 0 ? ms : 5000);
}

ScriptWatchdog::ScriptWatchdog(QJSEngine* engine)
    : engine_(engine), limit_(defaultLimit()), thread_([this] { watch(); }) {}

ScriptWatchdog::~ScriptWatchdog() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void ScriptWatchdog::setLimit(std::chrono::milliseconds limit) {
    {
        std::lock_guard lock(mutex_);
        limit_ = std::max(limit, std::chrono::milliseconds(1));
    }
    wake_.notify_all();  // the polling period follows the limit
}

std::chrono::milliseconds ScriptWatchdog::limit() const {
    std::lock_guard lock(mutex_);
    return limit_;
}

void ScriptWatchdog::watch() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        // Polling (instead of a wake-up per call) keeps entries to an
        // uncontended lock; the overshoot is at most one period.
        const auto period =
            std::clamp(limit_ / 8, std::chrono::milliseconds(5), std::chrono::milliseconds(250));
        wake_.wait_for(lock, period);
        if (running_ && !interrupted_ && std::chrono::steady_clock::now() - started_ >= limit_) {
            interrupted_ = true;
            engine_->setInterrupted(true);  // thread-safe: V4 polls the flag
        }
    }
}

ScriptWatchdog::Entry::Entry(ScriptWatchdog& watchdog) : watchdog_(watchdog) {
    if (watchdog_.depth_++ > 0) return;
    std::lock_guard lock(watchdog_.mutex_);
    watchdog_.running_ = true;
    watchdog_.started_ = std::chrono::steady_clock::now();
}

bool ScriptWatchdog::Entry::leave() {
    if (left_) return interrupted_;
    left_ = true;
    {
        std::lock_guard lock(watchdog_.mutex_);
        interrupted_ = watchdog_.interrupted_;
        if (--watchdog_.depth_ > 0) return interrupted_;  // the outermost entry resets the engine
        watchdog_.running_ = false;
        if (!interrupted_) return false;
        watchdog_.interrupted_ = false;
        watchdog_.engine_->setInterrupted(false);
    }
    if (watchdog_.onRecovered_) watchdog_.onRecovered_();
    return true;
}

}  // namespace qpanel
