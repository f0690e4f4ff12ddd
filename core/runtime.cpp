#include "core/runtime.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>
#include <cstdio>
#include <exception>

#include "core/asyncsemaphore.h"

namespace qpanel {

namespace {

/// A coroutine nobody awaits: it starts at once and frees its own frame when
/// it ends. Every failure is caught inside, so nothing escapes to here.
struct DetachedTask {
    struct promise_type {
        DetachedTask get_return_object() noexcept { return {}; }
        std::suspend_never initial_suspend() noexcept { return {}; }
        std::suspend_never final_suspend() noexcept { return {}; }
        void return_void() noexcept {}
        void unhandled_exception() noexcept { std::terminate(); }
    };
};

QString describe(const std::exception& e) {
    return QString::fromUtf8(e.what());
}

}  // namespace

ErrorReport describeCurrentException() {
    ErrorReport report;
    try {
        throw;
    } catch (const LocatedError& e) {
        report.message = describe(e);
        report.location = e.location();
        report.stack = e.stack();
    } catch (const std::exception& e) {
        report.message = describe(e);
    } catch (...) {
        report.message = QStringLiteral("unknown exception (not derived from std::exception)");
    }
    return report;
}

QString ErrorReport::toString() const {
    QString text = message;
    if (!location.isEmpty()) text = location.toString() + QStringLiteral(": ") + text;
    if (!origin.isEmpty()) text += QStringLiteral(" [in ") + origin + QLatin1Char(']');
    if (!stack.isEmpty()) text += QLatin1Char('\n') + stack;
    return text;
}

PolicyState::PolicyState(CallbackPolicy policy) : policy_(policy) {
    if (policy_.mode == CallbackPolicy::Mode::Limited)
        slots_ = std::make_unique<AsyncSemaphore>(std::max(1, policy_.limit));
    else if (policy_.mode == CallbackPolicy::Mode::Exclusive)
        superseded_ = std::make_unique<AsyncSemaphore>(0);
}

AsyncSemaphore* PolicyState::gateForNextRun() const {
    // An exclusive run triggered while its predecessor is being cancelled
    // (from that run's own cleanup) waits at a gate that never opens: the
    // trigger doing the cancelling supersedes it before it starts.
    return cancelling_ > 0 ? superseded_.get() : slots_.get();
}

PolicyState::~PolicyState() = default;

Runtime::Runtime(QObject* parent) : QObject(parent), tasks_(this) {
    qRegisterMetaType<qpanel::ErrorReport>();
    qRegisterMetaType<qpanel::TaskState>();
    connect(&tasks_, &TaskRegistry::busyChanged, this, [this] { adjustPendingCalls(0); });
}

Runtime::~Runtime() {
    // Application teardown: unwind every parked task now. Tasks waiting on a
    // thread job can only unwind when the job ends, so give jobs a grace
    // period and deliver their hand-backs before the scheduler goes.
    tasks_.cancelAll();
    tasks_.unwindStragglers(std::chrono::milliseconds(kShutdownGraceMs));
}

namespace {
QPointer<Runtime> mainRuntime;
}  // namespace

Runtime& Runtime::instance() {
    if (!mainRuntime) {
        mainRuntime = new Runtime(QCoreApplication::instance());
    }
    return *mainRuntime;
}

Runtime* Runtime::ifExists() {
    return mainRuntime.data();
}

namespace {

/// Reports the exception being handled for `record`; returns its message.
/// Out of line so the report's strings do not sit in every task's frame.
QString reportFailure(Runtime* runtime, const TaskRecord& record) {
    ErrorReport report = describeCurrentException();
    report.origin = record.origin;
    report.taskId = record.id;
    report.owner = record.owner;
    QString message = report.message;
    runtime->report(std::move(report));
    return message;
}

/// The limited-concurrency path: wait for a run slot, then run. A separate
/// coroutine so the slot awaiter only costs frame space when it is used.
QCoro::Task<> runWithPermit(AsyncSemaphore* permits, TaskRegistry* registry, TaskRecord* record,
                            const Runtime::Body* body) {
    co_await permits->acquire();
    struct Release {
        AsyncSemaphore* permits;
        ~Release() { permits->release(); }
    } release{permits};
    registry->setState(record, TaskState::Running);
    co_await (*body)();
}

DetachedTask runTask(Runtime* runtime, quint64* id, Runtime::Body body, SpawnOptions options) {
    // The record and the callable live in this frame for the task's life.
    TaskRecord record;
    record.origin = std::move(options.origin);
    record.owner = options.owner;
    TaskRegistry& registry = runtime->tasks();
    AsyncSemaphore* permits = options.policy ? options.policy->gateForNextRun() : nullptr;
    if (permits) record.state = TaskState::Waiting;
    registry.add(&record);
    *id = record.id;
    setCurrentTask(&record);

    TaskState outcome = TaskState::Finished;
    QString error;
    try {
        if (permits)
            co_await runWithPermit(permits, &registry, &record, &body);
        else
            co_await body();
        if (record.cancelRequested) outcome = TaskState::Cancelled;
    } catch (const TaskCancelled&) {
        outcome = TaskState::Cancelled;
    } catch (...) {
        outcome = TaskState::Failed;
        error = reportFailure(runtime, record);
    }
    if (outcome == TaskState::Cancelled && !record.failure.isEmpty()) {
        outcome = TaskState::Failed;
        error = record.failure;
    }
    registry.remove(&record, outcome, error);
    if (options.onDone) options.onDone(outcome);
}

}  // namespace

quint64 Runtime::spawn(Body body, SpawnOptions options) {
    // Busy from the cancel through the new task's start: no idle in between.
    ++spawning_;
    adjustPendingCalls(0);
    PolicyState* policy = options.policy.get();
    if (policy && policy->policy_.mode == CallbackPolicy::Mode::Exclusive) {
        // Cancelling runs script cleanup, which may trigger this callback
        // again: cancel until no earlier run is left. A run triggered that
        // way waits at the gate (gateForNextRun), so it ends before it starts.
        ++policy->cancelling_;
        for (quint64 cancelled = 0; policy->lastTask_ && policy->lastTask_ != cancelled;) {
            cancelled = policy->lastTask_;
            tasks_.cancel(cancelled);
        }
        --policy->cancelling_;
    }
    quint64 id = 0;
    TaskRecord* previous = currentTask();
    runTask(this, &id, std::move(body), std::move(options));  // sets id before any await
    setCurrentTask(previous);
    if (policy) policy->lastTask_ = id;
    --spawning_;
    adjustPendingCalls(0);
    return id;
}

namespace {
template <typename Fn>
void postToLoop(Runtime* runtime, const QObject* owner, Fn&& fn) {
    // A null owner means "the runtime itself"; a dead owner skips the call.
    QObject* context = owner ? const_cast<QObject*>(owner) : runtime;
    // A posted call, not a zero timer: Qt keeps timers in a sorted list, so
    // thousands of pending executes would cost O(n) each.
    QMetaObject::invokeMethod(context, std::forward<Fn>(fn), Qt::QueuedConnection);
}
}  // namespace

void Runtime::execute(Body fn, SpawnOptions options) {
    adjustPendingCalls(+1);
    // Settled once: either the call runs, or its owner dies first and the
    // posted call is dropped; both must take it off the pending count. A
    // call that runs lets go of its owner's destroyed signal.
    struct Pending {
        bool settled = false;
        QMetaObject::Connection ownerGone;
    };
    auto pending = std::make_shared<Pending>();
    auto call = [this, pending, fn = std::move(fn), options]() mutable {
        pending->settled = true;
        QObject::disconnect(pending->ownerGone);
        // Started before it stops counting as pending: one busy period.
        spawn(std::move(fn), std::move(options));
        adjustPendingCalls(-1);
    };
    if (options.owner) {
        // Weak: the connection is kept in `pending`, which must not keep
        // itself alive. The posted call holds it until the owner's
        // destroyed signal has run (posted events go after it).
        pending->ownerGone = connect(options.owner, &QObject::destroyed, this,
                                     [this, weak = std::weak_ptr<Pending>(pending)] {
                                         const auto p = weak.lock();
                                         if (!p || p->settled) return;
                                         p->settled = true;
                                         adjustPendingCalls(-1);
                                     });
    }
    postToLoop(this, options.owner, std::move(call));
}

void Runtime::execute(std::function<void()> fn, SpawnOptions options) {
    execute(Body([fn = std::move(fn)]() -> QCoro::Task<> {
                fn();
                co_return;
            }),
            std::move(options));
}

void Runtime::adjustPendingCalls(int delta) {
    pendingCalls_ += delta;
    const bool nowBusy = busy();
    if (nowBusy != lastBusy_) {
        lastBusy_ = nowBusy;
        emit busyChanged(nowBusy);
    }
}

void Runtime::setExceptionHandler(ExceptionHandler handler) {
    handler_ = std::move(handler);
}

void Runtime::setExceptionHandler(const QObject* owner, ExceptionHandler handler) {
    if (handler)
        ownerHandlers_.insert(owner, std::move(handler));
    else
        ownerHandlers_.remove(owner);
}

void Runtime::report(ErrorReport report) {
    ExceptionHandler handler = handler_;
    if (report.owner) handler = ownerHandlers_.value(report.owner, handler);
    if (handler) {
        try {
            handler(report);
            return;
        } catch (...) {
            // A broken handler must not swallow the original error: report both.
            ErrorReport failure = describeCurrentException();
            failure.message = QStringLiteral("exception handler failed: ") + failure.message;
            std::fprintf(stderr, "%s\n", qPrintable(failure.toString()));
        }
    }
    reportByDefault(report);
}

void Runtime::reportByDefault(const ErrorReport& report) {
    std::fprintf(stderr, "%s\n", qPrintable(report.toString()));
    std::fflush(stderr);
    emit errorReported(report);
}

void Runtime::reportCurrentException(const QString& origin, const QObject* owner) {
    ErrorReport r = describeCurrentException();
    r.origin = origin;
    r.owner = owner;
    report(std::move(r));
}

}  // namespace qpanel
