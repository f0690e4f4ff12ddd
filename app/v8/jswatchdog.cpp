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
    : limitMs_(std::max<std::int64_t>(limit.count(), 1)),
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

void JsWatchdog::setLimit(std::chrono::milliseconds limit) {
    limitMs_.store(std::max<std::int64_t>(limit.count(), 1), std::memory_order_relaxed);
    wake_.notify_all();
}

std::uint64_t JsWatchdog::enter() {
    const std::uint64_t run = run_.fetch_add(1, std::memory_order_relaxed) + 1;
    startedNs_.store(nowNs(), std::memory_order_relaxed);
    return run;
}

void JsWatchdog::watch() {
    // Polling instead of a wake-up per run keeps enter() cheap; the
    // overshoot is at most one period.
    std::uint64_t reported = 0;
    std::unique_lock lock(mutex_);
    for (;;) {
        const auto period =
            std::clamp(limit() / 8, std::chrono::milliseconds(5), std::chrono::milliseconds(250));
        if (wake_.wait_for(lock, period, [this] { return stopping_; })) return;
        const std::int64_t limitNs = std::chrono::nanoseconds(limit()).count();
        const std::uint64_t run = run_.load(std::memory_order_relaxed);
        const std::int64_t started = startedNs_.load(std::memory_order_relaxed);
        if (started == 0 || run == reported || nowNs() - started < limitNs) continue;
        reported = run;
        onOverrun_(run);
    }
}

}  // namespace qpanel::v8engine
