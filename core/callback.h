#pragma once
// A callback that may be sync or a coroutine, and how the runtime runs it:
// sync ones at once with the document lock held; async ones as tasks owned
// by the document, under the callback's concurrency policy.
//
//   qpanel::Callback<int> cb = [](int n) -> QCoro::Task<> { co_await qpanel::sleep(1s); };
//   qpanel::invoke(cb, {.origin = "Button 'Go'", .document = doc}, 3);

#include <QCoro/QCoroTask>
#include <functional>
#include <memory>
#include <type_traits>

#include "core/document.h"
#include "core/runtime.h"

namespace qpanel {

template <typename... Args>
class Callback {
public:
    // Arguments by const reference: they then refer to the copies the task's
    // body owns, which live as long as the coroutine (a by-value std::function
    // parameter would die at the coroutine's first suspension).
    using Sync = std::function<void(const Args&...)>;
    using Async = std::function<QCoro::Task<>(const Args&...)>;

    Callback() = default;
    template <typename F>
    requires std::is_invocable_v<F&, const Args&...> Callback(
        F fn) {  // NOLINT: implicit, so lambdas convert
        if constexpr (std::is_same_v<std::invoke_result_t<F&, const Args&...>, QCoro::Task<>>)
            async_ = std::move(fn);
        else
            sync_ = [fn = std::move(fn)](const Args&... args) mutable { std::invoke(fn, args...); };
    }

    bool isAsync() const { return bool(async_); }
    explicit operator bool() const { return async_ || sync_; }
    const Sync& sync() const { return sync_; }
    const Async& async() const { return async_; }

private:
    Sync sync_;
    Async async_;
};

/// Where a callback runs: its origin label, its document (owner of its tasks
/// and holder of the lock) and its policy state.
struct InvokeContext {
    QString origin;
    QPointer<Document> document;
    std::shared_ptr<PolicyState> policy;
};

/// Runs one trigger of `callback`. Errors are reported, never thrown: one
/// failing callback must not stop the others.
template <typename... Args>
void invoke(const Callback<Args...>& callback, const InvokeContext& context, const Args&... args) {
    if (callback.isAsync()) {
        Runtime::instance().spawn(
            [fn = callback.async(), args...]() { return fn(args...); },
            SpawnOptions{context.origin, context.document.data(), context.policy, {}});
        return;
    }
    if (!callback) return;
    auto call = [](const typename Callback<Args...>::Sync& fn, const QString& origin,
                   const Args&... values) {
        try {
            fn(values...);
        } catch (...) {
            Runtime::instance().reportCurrentException(origin);
        }
    };
    Document* document = context.document.data();
    if (!document) {
        call(callback.sync(), context.origin, args...);
        return;
    }
    // Common case: the lock is free, so run now without copying anything.
    if (document->tryRunLockedNow([&] { call(callback.sync(), context.origin, args...); })) return;
    document->runLocked([call, fn = callback.sync(), origin = context.origin,
                         args...] { call(fn, origin, args...); },
                        context.origin);
}

}  // namespace qpanel
