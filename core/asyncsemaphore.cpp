#include "core/asyncsemaphore.h"

namespace qpanel {

AsyncSemaphore::~AsyncSemaphore() {
    // Owners cancel their tasks before the semaphore dies; anything still
    // queued here would otherwise wait forever, so drop it loudly in debug.
    Q_ASSERT_X(head_ == nullptr, "AsyncSemaphore", "destroyed with waiters");
}

bool AsyncSemaphore::tryAcquire() {
    if (available_ <= 0 || head_) return false;  // FIFO: no barging past waiters
    --available_;
    return true;
}

void AsyncSemaphore::release() {
    if (Awaiter* next = head_) {
        // The permit passes straight to the next waiter, which resumes on the
        // next loop pass (not inline: long FIFO chains would nest stacks).
        unlink(next);
        next->granted_ = true;
        next->ticket_ = Scheduler::current().enqueueReady(next);
        return;
    }
    ++available_;
}

void AsyncSemaphore::append(Awaiter* waiter) {
    waiter->previous_ = tail_;
    waiter->next_ = nullptr;
    if (tail_)
        tail_->next_ = waiter;
    else
        head_ = waiter;
    tail_ = waiter;
    waiter->queued_ = true;
    ++waiting_;
}

void AsyncSemaphore::unlink(Awaiter* waiter) {
    if (waiter->previous_)
        waiter->previous_->next_ = waiter->next_;
    else
        head_ = waiter->next_;
    if (waiter->next_)
        waiter->next_->previous_ = waiter->previous_;
    else
        tail_ = waiter->previous_;
    waiter->next_ = waiter->previous_ = nullptr;
    waiter->queued_ = false;
    --waiting_;
}

bool AsyncSemaphore::Awaiter::await_ready() {
    if (cancelledBeforeSuspending()) return true;
    granted_ = semaphore_->tryAcquire();
    return granted_;
}

void AsyncSemaphore::Awaiter::await_suspend(std::coroutine_handle<> h) {
    park(h);
    semaphore_->append(this);
}

void AsyncSemaphore::Awaiter::await_resume() {
    if (task && task->cancelRequested) {
        if (granted_) semaphore_->release();
        throw TaskCancelled();
    }
}

bool AsyncSemaphore::Awaiter::detach() noexcept {
    if (queued_) {
        semaphore_->unlink(this);
    } else if (granted_) {
        Scheduler::current().withdraw(ticket_);
        granted_ = false;
        semaphore_->release();
    }
    return true;
}

}  // namespace qpanel
