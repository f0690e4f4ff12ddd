#pragma once
// The event-loop scheduler behind qpanel::sleep and qpanel::yield.
//
// Qt keeps timers in a sorted list (O(n) per insert), and QCoro's sleepFor
// makes one QTimer per sleeper, which goes quadratic past ~10k sleepers. Here
// all sleepers share one deadline heap driven by a single QTimer, and yields
// go to a FIFO ready queue drained by one posted event per loop pass.
//
//   co_await qpanel::sleep(250ms);   // O(log n), cancellable
//   co_await qpanel::yield();        // O(1): resume on the next loop pass

#include <QObject>
#include <QTimer>
#include <chrono>
#include <cstdint>
#include <deque>
#include <queue>
#include <vector>

#include "core/suspension.h"

namespace qpanel {

class Scheduler : public QObject {
    Q_OBJECT

public:
    using Clock = std::chrono::steady_clock;

    /// A place in the ready queue or the heap; stale once its slot moves on.
    struct Ticket {
        std::uint32_t slot = 0;
        std::uint32_t generation = 0;
    };

    explicit Scheduler(QObject* parent = nullptr);
    ~Scheduler() override;

    /// The scheduler of the calling thread's event loop (created on first use).
    static Scheduler& current();

    Ticket enqueueReady(Suspension* waiter);
    Ticket enqueueAt(Suspension* waiter, Clock::time_point deadline);
    /// Takes a waiter out (cancellation); it will not be resumed from here.
    void withdraw(Ticket ticket);

    std::size_t pendingSleepers() const { return activeSleepers_; }
    std::size_t pendingReady() const { return activeReady_; }
    bool idle() const { return activeSleepers_ == 0 && activeReady_ == 0; }

    /// Longest stretch the ready queue may hold the loop before it lets
    /// painting and input through.
    static constexpr auto kPassBudget = std::chrono::milliseconds(8);

protected:
    bool event(QEvent* event) override;

private:
    struct Slot {
        Suspension* waiter = nullptr;
        std::uint32_t generation = 0;
        bool timed = false;  ///< in the heap (a sleeper) rather than the ready queue
    };
    struct TimerEntry {
        Clock::time_point deadline;
        std::uint64_t sequence;
        Ticket ticket;
        bool operator>(const TimerEntry& other) const {
            return deadline != other.deadline ? deadline > other.deadline
                                              : sequence > other.sequence;
        }
    };

    Ticket occupy(Suspension* waiter, bool timed);
    /// Frees the slot if the ticket is still valid; returns its waiter.
    Suspension* release(Ticket ticket);
    void drainReady();
    void fireTimers();
    void armTimer();
    void postDrain();

    std::vector<Slot> slots_;
    std::vector<std::uint32_t> freeSlots_;
    std::deque<Ticket> ready_;
    std::priority_queue<TimerEntry, std::vector<TimerEntry>, std::greater<>> timers_;
    std::uint64_t timerSequence_ = 0;
    std::size_t activeSleepers_ = 0;
    std::size_t activeReady_ = 0;
    bool drainPosted_ = false;
    QTimer timer_;
    Clock::time_point armedFor_ = Clock::time_point::max();
};

/// Awaitable returned by sleep() and yield().
class SleepAwaiter : public Suspension {
public:
    explicit SleepAwaiter(Scheduler::Clock::duration delay) : delay_(delay) {}
    bool await_ready() { return cancelledBeforeSuspending(); }
    void await_suspend(std::coroutine_handle<> h);
    void await_resume() const { throwIfTaskCancelled(); }
    bool detach() noexcept override;

private:
    Scheduler::Clock::duration delay_;
    Scheduler* scheduler_ = nullptr;
    Scheduler::Ticket ticket_;
};

/// Suspends the current coroutine for `delay` without blocking the loop.
inline SleepAwaiter sleep(Scheduler::Clock::duration delay) {
    return SleepAwaiter{delay};
}
/// Lets every other ready task and pending event run, then resumes.
inline SleepAwaiter yield() {
    return SleepAwaiter{Scheduler::Clock::duration::zero()};
}

}  // namespace qpanel
