#pragma once
// Interrupts JavaScript that runs too long. C++ marks each call into the
// engine with an Entry; a watchdog thread (a GUI-thread timer cannot fire
// while JS spins) interrupts the engine when the outermost entry has run past
// the limit. Time spent awaiting is not counted: only calls in progress are.
//
//   ScriptWatchdog::Entry entry(watchdog);
//   QJSValue result = fn.call(args);
//   if (entry.leave()) result = /* an error naming the limit */;

#include <QJSEngine>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace qpanel {

class ScriptWatchdog {
public:
    /// QPANEL_SCRIPT_TIME_LIMIT_MS, else 5000 ms.
    static std::chrono::milliseconds defaultLimit();

    explicit ScriptWatchdog(QJSEngine* engine);
    ~ScriptWatchdog();
    ScriptWatchdog(const ScriptWatchdog&) = delete;
    ScriptWatchdog& operator=(const ScriptWatchdog&) = delete;

    /// Called on the engine's thread once an interrupted call has unwound
    /// and the engine runs again (to repair script state the unwinding skipped).
    void setOnRecovered(std::function<void()> onRecovered) {
        onRecovered_ = std::move(onRecovered);
    }

    /// Calls into JS in progress, nested ones counted (engine thread only).
    int depth() const { return depth_; }

    void setLimit(std::chrono::milliseconds limit);
    std::chrono::milliseconds limit() const;

    /// One call from C++ into JS, on the engine's thread. Nested entries
    /// (JS → C++ → JS) share the outermost one's clock.
    class Entry {
    public:
        explicit Entry(ScriptWatchdog& watchdog);
        ~Entry() { leave(); }
        Entry(const Entry&) = delete;
        Entry& operator=(const Entry&) = delete;
        /// Ends the entry; true if the watchdog interrupted this call (the
        /// engine is running again afterwards). Idempotent.
        bool leave();

    private:
        ScriptWatchdog& watchdog_;
        bool left_ = false;
        bool interrupted_ = false;
    };

private:
    void watch();

    QJSEngine* engine_;
    std::function<void()> onRecovered_;
    int depth_ = 0;  // engine thread only
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::chrono::milliseconds limit_;
    std::chrono::steady_clock::time_point started_;
    bool running_ = false;
    bool interrupted_ = false;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace qpanel
