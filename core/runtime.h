#pragma once
// The async runtime: starts tasks, keeps their callables alive, reports
// their errors. One per event-loop thread (the GUI thread in practice).
//
//   auto& rt = qpanel::Runtime::instance();
//   rt.spawn([]() -> QCoro::Task<> { co_await qpanel::sleep(1s); }, {.origin = "demo"});

#include <QCoro/QCoroTask>
#include <QHash>
#include <QObject>
#include <functional>
#include <memory>

#include "core/sourcelocation.h"
#include "core/taskregistry.h"

namespace qpanel {

class AsyncSemaphore;

/// How repeated triggers of one callback share the loop (beyond Panel, which
/// always runs them concurrently).
struct CallbackPolicy {
    enum class Mode { Concurrent, Exclusive, Limited };
    Mode mode = Mode::Concurrent;
    int limit = 0;

    static CallbackPolicy concurrent() { return {}; }
    /// A new trigger cancels the run still in flight: at most one run at a
    /// time, even when a cancelled run re-triggers from its cleanup.
    static CallbackPolicy exclusive() { return {Mode::Exclusive, 1}; }
    /// At most `n` runs at once; later triggers wait their turn (FIFO).
    static CallbackPolicy limitedTo(int n) { return {Mode::Limited, n}; }
};

/// State one callback's runs share (last run for exclusive, slots for limits).
class PolicyState {
public:
    explicit PolicyState(CallbackPolicy policy);
    ~PolicyState();
    const CallbackPolicy& policy() const { return policy_; }
    /// The run slots of a Limited policy (null otherwise).
    AsyncSemaphore* permits() const { return slots_.get(); }
    /// What a run started now waits at before its body runs (null: nothing).
    AsyncSemaphore* gateForNextRun() const;

private:
    friend class Runtime;
    CallbackPolicy policy_;
    quint64 lastTask_ = 0;
    int cancelling_ = 0;  ///< Exclusive: spawns cancelling the previous run, in progress
    std::unique_ptr<AsyncSemaphore> slots_;
    std::unique_ptr<AsyncSemaphore> superseded_;
};

struct ErrorReport {
    QString message;          ///< what went wrong, for people
    QString origin;           ///< which widget / callback ran the code
    SourceLocation location;  ///< where in a script, when known
    QString stack;
    quint64 taskId = 0;
    /// Whose code failed (a task's owner, or the caller's): picks the
    /// owner's exception handler and lets an app tell its own errors.
    const QObject* owner = nullptr;
    QString toString() const;
};

/// Exceptions that carry a source location (script errors) derive from this.
class LocatedError : public std::runtime_error {
public:
    LocatedError(const QString& message, SourceLocation location, QString stack = {})
        : std::runtime_error(message.toStdString()),
          location_(std::move(location)),
          stack_(std::move(stack)) {}
    const SourceLocation& location() const { return location_; }
    const QString& stack() const { return stack_; }

private:
    SourceLocation location_;
    QString stack_;
};

struct SpawnOptions {
    QString origin;
    const QObject* owner = nullptr;  ///< cancelling this owner cancels the task
    std::shared_ptr<PolicyState> policy;
    std::function<void(TaskState)> onDone;  ///< called once, with the final state
};

class Runtime : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)

public:
    using Body = std::function<QCoro::Task<>()>;
    using ExceptionHandler = std::function<void(const ErrorReport&)>;

    explicit Runtime(QObject* parent = nullptr);
    ~Runtime() override;

    /// The runtime of the application's main thread (created on first use).
    static Runtime& instance();
    /// The runtime if it exists; null during and after application teardown.
    static Runtime* ifExists();

    /// How long quitting waits for thread jobs that tasks are awaiting.
    static constexpr int kShutdownGraceMs = 5000;

    TaskRegistry& tasks() { return tasks_; }
    /// One piece of work is one busy period: a spawn (cancelling a previous
    /// run, starting the new one) and an execute call turning into its task
    /// never report idle in between.
    bool busy() const { return tasks_.busy() || pendingCalls_ > 0 || spawning_ > 0; }

    /// Starts `body` as a task now (it runs to its first suspension inside
    /// this call). The callable is kept alive until the task ends.
    quint64 spawn(Body body, SpawnOptions options = {});

    /// Runs `fn` on a later loop pass (Panel's `pn.state.execute`). Skipped
    /// if `options.owner` is gone by then.
    void execute(Body fn, SpawnOptions options = {});
    void execute(std::function<void()> fn, SpawnOptions options = {});
    int pendingCalls() const { return pendingCalls_; }

    /// Replaces the default report (stderr + errorReported) like Panel's
    /// `config.exception_handler`; pass {} to restore it.
    void setExceptionHandler(ExceptionHandler handler);
    /// Like setExceptionHandler, for the errors of tasks owned by `owner`
    /// only (one app script's `pn.config.exception_handler`); {} removes it.
    void setExceptionHandler(const QObject* owner, ExceptionHandler handler);
    void report(ErrorReport report);
    /// Builds a report from the exception being handled (call in a catch).
    void reportCurrentException(const QString& origin, const QObject* owner = nullptr);
    /// The default report (stderr + errorReported), past any exception
    /// handler: for a handler whose own code failed.
    void reportByDefault(const ErrorReport& report);

signals:
    void busyChanged(bool busy);
    void errorReported(const qpanel::ErrorReport& report);

private:
    void adjustPendingCalls(int delta);

    TaskRegistry tasks_;
    ExceptionHandler handler_;
    QHash<const QObject*, ExceptionHandler> ownerHandlers_;
    int pendingCalls_ = 0;
    int spawning_ = 0;  ///< spawn() calls in progress (nested through cancel hooks)
    bool lastBusy_ = false;
};

/// Describes the exception being handled, for error reports.
ErrorReport describeCurrentException();

}  // namespace qpanel

Q_DECLARE_METATYPE(qpanel::ErrorReport)
