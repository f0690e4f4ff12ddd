#include "bridge/jstasks.h"

#include "core/suspension.h"

namespace qpanel {

/// Parks the task until a JS promise settles; cancelling the task cancels
/// the promise's context instead of waiting for it.
class JsTasks::PromiseAwaiter : public Suspension {
public:
    PromiseAwaiter(JsTasks* tasks, QJSValue context, QJSValue promise)
        : tasks_(tasks), context_(std::move(context)), promise_(std::move(promise)) {}

    bool await_ready() { return cancelledBeforeSuspending(); }
    void await_suspend(std::coroutine_handle<> h) {
        park(h);
        token_ = ++tasks_->nextToken_;
        tasks_->waiting_.insert(token_, this);
        // The reaction runs from the microtask queue, never inside this call.
        tasks_->host_->hostObject().property(QStringLiteral("settleTo")).call(
            {promise_, tasks_->sink_, token_});
    }
    std::pair<bool, QJSValue> await_resume() const {
        throwIfTaskCancelled();
        return {fulfilled_, value_};
    }
    bool detach() noexcept override {
        tasks_->waiting_.remove(token_);
        // Cancel hooks and the catch/finally blocks they wake are script code.
        if (ScriptHost* host = tasks_->host_.data())
            host->call(host->hostObject().property(QStringLiteral("cancelContext")), {context_},
                       QStringLiteral("a cancelled task's cleanup"));
        return true;
    }
    void settle(bool fulfilled, const QJSValue& value) {
        fulfilled_ = fulfilled;
        value_ = value;
        resume();
    }

private:
    JsTasks* tasks_;
    QJSValue context_;
    QJSValue promise_;
    int token_ = 0;
    bool fulfilled_ = false;
    QJSValue value_;
};

JsTasks::JsTasks(ScriptHost* host, Document* document, QObject* parent)
    : QObject(parent), host_(host), document_(document) {
    QJSEngine::setObjectOwnership(this, QJSEngine::CppOwnership);
    sink_ = host->engine()->newQObject(this);
}

JsTasks::~JsTasks() {
    // Its tasks (owned by the document, which goes with it) refer to this
    // object: cancel them while it and the engine still exist.
    if (Runtime* runtime = Runtime::ifExists(); runtime && document_)
        runtime->tasks().cancelOwnedBy(document_);
}

quint64 JsTasks::call(const QJSValue& fn, const QJSValueList& args, const QString& origin,
                      JsCallOptions options) {
    return Runtime::instance().spawn(
        [this, fn, args, withLock = options.withLock]() { return run(fn, args, withLock); },
        SpawnOptions{origin, document_.data(), std::move(options.policy), {}});
}

QCoro::Task<> JsTasks::run(QJSValue fn, QJSValueList args, bool withLock) {
    Document::LockGuard guard;
    if (withLock && document_) guard = co_await document_->lock();
    co_await evaluate(std::move(fn), std::move(args));
}

QCoro::Task<QJSValue> JsTasks::evaluate(QJSValue fn, QJSValueList args) {
    Started started = start(std::move(fn), std::move(args));
    if (!started.pending) co_return started.result;
    co_return co_await settle(std::move(started));
}

JsTasks::Started JsTasks::start(QJSValue fn, QJSValueList args) {
    ScriptHost* host = host_.data();
    if (!host) return {};
    if (startTask_.isUndefined()) startTask_ = host->hostObject().property(QStringLiteral("startTask"));
    TaskRecord* task = currentTask();
    args.prepend(fn);
    args.prepend(task ? double(task->id) : 0.0);
    QJSValue started;
    {
        ScriptWatchdog::Entry entry(host->watchdog());
        started = startTask_.call(args);
        if (entry.leave()) started = host->runawayError(task ? task->origin : QStringLiteral("a callback"));
    }
    if (started.isError()) throwScriptError(started);
    return {started.property(0), started.property(1), started.property(2).toBool()};
}

QCoro::Task<QJSValue> JsTasks::settle(Started started) {
    if (!started.pending) co_return started.result;
    const auto [fulfilled, value] = co_await PromiseAwaiter(this, started.context, started.result);
    if (!fulfilled) throwScriptError(value);
    co_return value;
}

void JsTasks::settled(int token, bool fulfilled, const QJSValue& value) {
    PromiseAwaiter* waiter = waiting_.take(token);
    if (waiter) waiter->settle(fulfilled, value);  // else: cancelled meanwhile
}

void JsTasks::throwScriptError(const QJSValue& error) const {
    QString stack;
    const ScriptError e = host_ ? host_->describe(error, &stack) : ScriptError{error.toString()};
    const QString location =
        e.line > 0 ? QStringLiteral("%1:%2").arg(e.fileName).arg(e.line) : e.fileName;
    throw ScriptException(e.message, location, stack, error);
}

}  // namespace qpanel
