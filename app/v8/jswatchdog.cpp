#include "v8/jswatchdog.h"

#include <QtGlobal>
#include <algorithm>

namespace qpanel::v8engine {

namespace {
std::int64_t nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
}  // namespace

std::chrono::milliseconds JsWatchdog::defaultLimit() {
    bool ok = false;
    const int ms = qEnvironmentVariableIntValue("QPANEL_SCRIPT_TIME_LIMIT_MS", &ok);
    return std::chrono::milliseconds(ok && ms > 0 ? ms : 5000);
}

JsWatchdog::JsWatchdog(std::chrono::milliseconds limit,
                       std::function<void(std::uint64_t run)> onOverrun)
    : limit_(std::max(limit, std::chrono::milliseconds(1))),
      onOverrun_(std::move(onOverrun)),
      thread_([this] { watch(); }) {}

JsWatchdog::~JsWatchdog() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

std::uint64_t JsWatchdog::enter() {
    const std::uint64_t run = run_.fetch_add(1, std::memory_order_relaxed) + 1;
    startedNs_.store(nowNs(), std::memory_order_relaxed);
    return run;
}

void JsWatchdog::watch() {
    // Polling instead of a wake-up per run keeps enter() cheap; the
    // overshoot is at most one period.
    const auto period =
        std::clamp(limit_ / 8, std::chrono::milliseconds(5), std::chrono::milliseconds(250));
    const std::int64_t limitNs = std::chrono::nanoseconds(limit_).count();
    std::uint64_t reported = 0;
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, period, [this] { return stopping_; })) {
        const std::uint64_t run = run_.load(std::memory_order_relaxed);
        const std::int64_t started = startedNs_.load(std::memory_order_relaxed);
        if (started == 0 || run == reported || nowNs() - started < limitNs) continue;
        reported = run;
        onOverrun_(run);
    }
}

}  // namespace qpanel::v8engine
