#pragma once
// --timeout must hold even when script code never returns to the event loop
// (a runaway loop): a helper thread interrupts the script's engine when the
// deadline has passed by a grace period and nobody disarmed it. The engine's
// interruption is thread-safe (QJSEngine::setInterrupted).

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

class QJSEngine;

namespace qpanel::cli {

class OverdueInterrupt {
public:
    OverdueInterrupt(QJSEngine* engine, std::chrono::milliseconds deadline);
    ~OverdueInterrupt();  ///< disarms and joins

    OverdueInterrupt(const OverdueInterrupt&) = delete;
    OverdueInterrupt& operator=(const OverdueInterrupt&) = delete;

    /// After this returns the engine is never touched again.
    void disarm();
    /// The deadline passed while armed and the engine was interrupted.
    bool fired() const { return fired_.load(); }

private:
    std::mutex mutex_;
    std::condition_variable disarmed_;
    bool armed_ = true;
    std::atomic<bool> fired_{false};
    std::thread thread_;
};

}  // namespace qpanel::cli
