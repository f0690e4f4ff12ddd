#pragma once
// A FIFO semaphore for coroutines on one event loop. It is the document lock
// (one permit) and the concurrency limit of callbacks (n permits).
//
//   co_await semaphore.acquire();   // waits its turn, cancellable
//   ... ; semaphore.release();      // hands the permit to the next waiter

#include <cstddef>

#include "core/scheduler.h"

namespace qpanel {

class AsyncSemaphore {
public:
    explicit AsyncSemaphore(int permits) : available_(permits) {}
    AsyncSemaphore(const AsyncSemaphore&) = delete;
    AsyncSemaphore& operator=(const AsyncSemaphore&) = delete;
    ~AsyncSemaphore();

    class Awaiter : public Suspension {
    public:
        explicit Awaiter(AsyncSemaphore& semaphore) : semaphore_(&semaphore) {}
        bool await_ready();
        void await_suspend(std::coroutine_handle<> h);
        void await_resume();
        bool detach() noexcept override;

    private:
        friend class AsyncSemaphore;
        AsyncSemaphore* semaphore_;
        Awaiter* next_ = nullptr;
        Awaiter* previous_ = nullptr;
        bool queued_ = false;
        bool granted_ = false;
        Scheduler::Ticket ticket_;  ///< place in the ready queue once granted
    };

    Awaiter acquire() { return Awaiter{*this}; }
    bool tryAcquire();
    void release();

    int available() const { return available_; }
    std::size_t waiting() const { return waiting_; }

private:
    void append(Awaiter* waiter);
    void unlink(Awaiter* waiter);

    int available_;
    std::size_t waiting_ = 0;
    Awaiter* head_ = nullptr;
    Awaiter* tail_ = nullptr;
};

}  // namespace qpanel
