#pragma once
// Notices JavaScript that runs too long. The engine marks each macrotask
// (a script, a timer callback, with its microtasks) with enter()/leave(); a
// thread polls and calls onOverrun(run) once for a run past the limit. The
// engine then interrupts V8 and checks on its own thread that `run` is still
// the one running (it may have just ended). Time spent awaiting does not
// count: only runs in progress.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

namespace qpanel::v8engine {

class JsWatchdog {
public:
    /// QPANEL_SCRIPT_TIME_LIMIT_MS, else 5000 ms (the QJSEngine path's limit).
    static std::chrono::milliseconds defaultLimit();

    JsWatchdog(std::chrono::milliseconds limit, std::function<void(std::uint64_t run)> onOverrun);
    ~JsWatchdog();
    JsWatchdog(const JsWatchdog&) = delete;
    JsWatchdog& operator=(const JsWatchdog&) = delete;

    std::chrono::milliseconds limit() const {
        return std::chrono::milliseconds(limitMs_.load(std::memory_order_relaxed));
    }
    /// Takes effect within one polling period (at most 250 ms).
    void setLimit(std::chrono::milliseconds limit);
    /// Reports the run in progress now, as if it had overrun (a caller that
    /// knows the script is stuck: the CLI's --timeout). Any thread.
    void overrunNow() { onOverrun_(run()); }

    /// A run starts (engine thread); returns its number.
    std::uint64_t enter();
    void leave() { startedNs_.store(0, std::memory_order_relaxed); }
    /// The run in progress or last run.
    std::uint64_t run() const { return run_.load(std::memory_order_relaxed); }

private:
    void watch();

    std::atomic<std::int64_t> limitMs_;
    const std::function<void(std::uint64_t)> onOverrun_;
    // Atomics, not a lock: a run costs two relaxed stores and a clock read.
    std::atomic<std::uint64_t> run_{0};
    std::atomic<std::int64_t> startedNs_{0};  ///< 0 while nothing runs
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace qpanel::v8engine
