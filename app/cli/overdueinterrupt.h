#pragma once
// --timeout must hold even when script code never returns to the event loop
// (a runaway loop): a helper thread interrupts the script when the deadline
// has passed by a grace period and nobody disarmed it. The interrupt runs on
// that thread, so it must be thread-safe (AppSession::interruptRunaway is).

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace qpanel::cli {

class OverdueInterrupt {
public:
    OverdueInterrupt(std::function<void()> interrupt, std::chrono::milliseconds deadline);
    ~OverdueInterrupt();  ///< disarms and joins

    OverdueInterrupt(const OverdueInterrupt&) = delete;
    OverdueInterrupt& operator=(const OverdueInterrupt&) = delete;

    /// After this returns the interrupt is never called again.
    void disarm();
    /// The deadline passed while armed and the interrupt was called.
    bool fired() const { return fired_.load(); }

private:
    std::mutex mutex_;
    std::condition_variable disarmed_;
    bool armed_ = true;
    std::atomic<bool> fired_{false};
    std::thread thread_;
};

}  // namespace qpanel::cli
