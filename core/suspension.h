#pragma once
// A suspension point that cancellation can interrupt: the awaiting coroutine
// is parked in some wait source (timer heap, ready queue, lock queue, thread
// job) and cancel() must be able to take it out and resume it at once.

#include <chrono>
#include <coroutine>

#include "core/taskregistry.h"

namespace qpanel {

class Suspension {
public:
    virtual ~Suspension() = default;

    /// Removes this waiter from its wait source so it is never resumed from
    /// there. Returns false when it cannot leave early (a thread job still
    /// running with references into the frame): it is then resumed later.
    virtual bool detach() noexcept = 0;
    /// Like detach(), but may block up to `timeout` for a wait source that
    /// cannot be left early (a thread job). Used when the application quits.
    virtual bool detachWaiting(std::chrono::milliseconds timeout) noexcept {
        (void)timeout;
        return detach();
    }

    /// Called by a wait source when the wait is over. A coroutine awaiter
    /// resumes its coroutine; a callback waiter (a Python loop's timer
    /// handle, which is no coroutine) overrides this to run or queue itself.
    virtual void wake() { resume(); }

    /// Resumes the parked coroutine with its task made current.
    void resume() {
        if (task) task->parkedAt = nullptr;
        TaskRecord* previous = currentTask();
        setCurrentTask(task);
        handle.resume();
        setCurrentTask(previous);
    }

protected:
    /// Shared await_ready/await_suspend/await_resume steps of every awaiter.
    bool cancelledBeforeSuspending() {
        task = currentTask();
        return task && task->cancelRequested;
    }
    void park(std::coroutine_handle<> h) {
        handle = h;
        if (task) task->parkedAt = this;
    }
    void throwIfTaskCancelled() const {
        if (task && task->cancelRequested) throw TaskCancelled();
    }

    std::coroutine_handle<> handle;
    TaskRecord* task = nullptr;

    friend class TaskRegistry;
};

}  // namespace qpanel
