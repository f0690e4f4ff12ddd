#pragma once
// CPU-bound work off the GUI thread:
//
//   int sum = co_await qpanel::runInThread([v = std::move(values)] { return total(v); });
//
// The awaiting coroutine resumes on its own thread with the result, or with
// the exception the job threw. Cancelling the task takes effect when the job
// ends (the job may still reference the coroutine's frame until then).

#include <QPointer>
#include <QThreadPool>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>

#include "core/crossthread.h"
#include "core/scheduler.h"

namespace qpanel {

namespace detail {
template <typename T>
struct ThreadJobState {
    std::optional<std::conditional_t<std::is_void_v<T>, bool, T>> value;
    std::exception_ptr error;
    std::mutex mutex;
    std::condition_variable finishedChanged;
    bool finished = false;  // guarded by mutex
    bool resumed = false;   // awaiting thread only: the frame may be gone after
};
}  // namespace detail

template <typename F, typename T = std::invoke_result_t<F&>>
class ThreadJobAwaiter : public Suspension {
public:
    ThreadJobAwaiter(F fn, QThreadPool* pool) : fn_(std::move(fn)), pool_(pool) {}

    bool await_ready() { return cancelledBeforeSuspending(); }

    void await_suspend(std::coroutine_handle<> h) {
        park(h);
        auto state = state_;
        QPointer<QObject> home = &Scheduler::current();
        // The job acts for the awaiting task: it may edit under that task's lock.
        const void* context = actingContext();
        pool_->start(
            new detail::PoolJob([state, home, context, fn = std::move(fn_), self = this]() mutable {
                try {
                    ActingFor actingFor(context);
                    if constexpr (std::is_void_v<T>) {
                        fn();
                        state->value = true;
                    } else {
                        state->value.emplace(fn());
                    }
                } catch (...) {
                    state->error = std::current_exception();
                }
                {
                    std::lock_guard lock(state->mutex);
                    state->finished = true;
                }
                state->finishedChanged.notify_all();
                // Hand back to the awaiting thread; `self` lives in the suspended
                // frame until it is resumed (here, or by a shutdown unwind).
                if (QObject* target = home.data()) {
                    detail::postCall(target, [self, state] {
                        if (state->resumed) return;
                        state->resumed = true;
                        self->resume();
                    });
                }
            }));
    }

    T await_resume() {
        throwIfTaskCancelled();
        if (state_->error) std::rethrow_exception(state_->error);
        if constexpr (!std::is_void_v<T>) return std::move(*state_->value);
    }

    bool detach() noexcept override { return false; }  // must wait for the job

    bool detachWaiting(std::chrono::milliseconds timeout) noexcept override {
        std::unique_lock lock(state_->mutex);
        if (!state_->finishedChanged.wait_for(lock, timeout, [this] { return state_->finished; }))
            return false;  // still running: its frame is left alone
        state_->resumed = true;
        return true;
    }

private:
    F fn_;
    QThreadPool* pool_;
    std::shared_ptr<detail::ThreadJobState<T>> state_ =
        std::make_shared<detail::ThreadJobState<T>>();
};

/// Runs `fn` on `pool` (the global pool by default) and resumes with its result.
template <typename F>
auto runInThread(F fn, QThreadPool* pool = QThreadPool::globalInstance()) {
    return ThreadJobAwaiter<F>(std::move(fn), pool);
}

}  // namespace qpanel
