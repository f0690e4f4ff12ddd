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
        tasks_->settleTo_.call({promise_, tasks_->settled_, token_});
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
    settled_ = host->engine()->newQObject(this).property(QStringLiteral("settled"));
    settleTo_ = host->hostObject().property(QStringLiteral("settleTo"));
    startTask_ = host->hostObject().property(QStringLiteral("startTask"));
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

void JsTasks::callEagerly(const QJSValue& fn, const QJSValueList& args, const QString& origin) {
    Started started;
    try {
        started = start(fn, args, origin);
    } catch (const ScriptException&) {
        Runtime::instance().reportCurrentException(origin, document_.data());
        return;
    }
    if (!started.pending) return;
    const quint64 id =
        Runtime::instance().spawn([this, started]() -> QCoro::Task<> { co_await settle(started); },
                                  SpawnOptions{origin, document_.data(), {}, {}});
    // Started outside the task: from now on its awaits belong to it.
    started.context.setProperty(QStringLiteral("taskId"), double(id));
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

JsTasks::Started JsTasks::start(const QJSValue& fn, const QJSValueList& args,
                                const QString& origin) {
    ScriptHost* host = host_.data();
    if (!host) return {};
    TaskRecord* task = currentTask();
    // host.startTask(taskId, fn, argc, a0..a4): fixed arity, so V4 makes no
    // arguments object; more than five travel as one array.
    constexpr qsizetype kInline = 5;
    QJSValueList call{task ? double(task->id) : 0.0, fn, int(args.size())};
    if (args.size() <= kInline) {
        call.append(args);
    } else {
        QJSValue all = host->engine()->newArray(uint(args.size()));
        for (qsizetype i = 0; i < args.size(); ++i) all.setProperty(quint32(i), args[i]);
        call.append(all);
    }
    QJSValue started;
    {
        ScriptWatchdog::Entry entry(host->watchdog());
        started = startTask_.call(call);
        if (entry.leave()) {
            const QString who = task               ? task->origin
                                : origin.isEmpty() ? QStringLiteral("a callback")
                                                   : origin;
            started = host->runawayError(who);
        }
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
    throw ScriptException(e.message, e.location, stack, error);
}

}  // namespace qpanel
