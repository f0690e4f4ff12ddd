#pragma once
// Interrupts Python code that runs too long without returning to the event
// loop (`while True: pass`). C++ marks each call into Python with an Entry; a
// watchdog thread (a GUI-thread timer cannot fire while Python spins) asks
// the interpreter, through Py_AddPendingCall, to raise TimeoutError in the
// code running on the GUI (Python's main) thread once the outermost entry
// has run past the limit. Awaiting does not count: only calls in progress.
// An entry costs two atomic stores (it wraps every callback the asyncio loop
// runs): the watchdog thread, not the entry, reads the clock, and sees an
// entry as overdue when the same one is still running a limit after it
// first saw it (so it interrupts after the limit plus at most one period).
//
//   PyWatchdog::Entry entry(PyWatchdog::instance());
//   fn();   // raises TimeoutError after the limit

#include <pthread.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace qpanel::python {

class PyWatchdog {
public:
    /// QPANEL_SCRIPT_TIME_LIMIT_MS, else 5000 ms.
    static std::chrono::milliseconds defaultLimit();
    /// The process's one watchdog (one interpreter per process).
    static PyWatchdog& instance();

    PyWatchdog();
    ~PyWatchdog();
    PyWatchdog(const PyWatchdog&) = delete;
    PyWatchdog& operator=(const PyWatchdog&) = delete;

    /// A signal with a (no-op) Python handler, sent to the GUI thread after
    /// each pending call so that thread looks at it at once: CPython 3.11
    /// decides whether to wake the evaluation loop in the thread that adds
    /// the call, so a call added from the watchdog thread alone waits
    /// forever. Call on the GUI thread.
    void setWakeSignal(int signal) {
        wakeSignal_ = signal;
        guiThread_ = pthread_self();
    }

    /// The limit for entries that start from now on.
    void setLimit(std::chrono::milliseconds limit);
    std::chrono::milliseconds limit() const;
    /// Raises TimeoutError in the Python code running now, if any, whatever
    /// its age (the CLI's --timeout past its grace). Thread-safe.
    void interrupt();

    /// One call from C++ into Python on the GUI thread. Nested entries
    /// (Python → C++ → Python) share the outermost one's clock.
    class Entry {
    public:
        explicit Entry(PyWatchdog& watchdog);
        ~Entry();
        Entry(const Entry&) = delete;
        Entry& operator=(const Entry&) = delete;

    private:
        PyWatchdog& watchdog_;
    };

private:
    void watch();
    /// Queues the TimeoutError for the entry running now, once per entry (mutex_ held).
    void requestInterrupt(bool forced);
    static int raiseOverdue(void* self);

    int depth_ = 0;  // GUI thread only
    /// The outermost entry running now (0: none); each one gets the next number.
    std::atomic<std::uint64_t> running_{0};
    std::uint64_t last_ = 0;  // GUI thread only: the last number given
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::chrono::milliseconds limit_;
    std::uint64_t watched_ = 0;  ///< the entry the watchdog thread saw running (thread only)
    std::chrono::steady_clock::time_point seen_;  ///< when it first saw it
    std::uint64_t requested_ = 0;                 ///< the entry a pending call is queued for
    /// The entry a TimeoutError was raised in: a call queued for an entry
    /// that returned before it ran can run in the next one, beside that
    /// one's own call, and only one of them may raise there.
    std::uint64_t raised_ = 0;
    bool forced_ = false;  ///< by interrupt(), not by the limit
    bool stopping_ = false;
    int wakeSignal_ = 0;
    pthread_t guiThread_{};
    std::thread thread_;
};

}  // namespace qpanel::python
