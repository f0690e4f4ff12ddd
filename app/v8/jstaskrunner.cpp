#include "v8/jstaskrunner.h"

#include "core/suspension.h"
#include "v8/jsconvert.h"
#include "v8/jsengine.h"
#include "v8/jstimers.h"
#include "v8/jsvalueref.h"
#include "v8/qobjectwrap.h"
#include "v8/v8string.h"

namespace qpanel::v8engine {

namespace {

[[noreturn]] void throwJsError(const JsError& error) {
    throw JsException(error);
}

/// A time limit's stop in a task's code names the task ("... interrupted
/// in pn.state.execute"), unless the stopped macrotask named itself.
void nameStoppedTask(JsError& error, quint64 task) {
    if (error.kind != JsError::Kind::TimeLimit || !error.stoppedIn.isEmpty()) return;
    if (const TaskRecord* record = task ? Runtime::instance().tasks().find(task) : nullptr)
        error.message += QStringLiteral(" in ") + record->origin;
}

/// The error a rejected promise's reason stands for, placed where the
/// reason (an Error) was made.
JsError rejectionError(JsEngine& engine, v8::Local<v8::Context> context,
                       v8::Local<v8::Value> reason) {
    v8::Isolate* isolate = engine.isolate();
    JsError error =
        JsError::fromValue(isolate, context, reason, v8::Exception::CreateMessage(isolate, reason));
    error.thrown = std::make_shared<JsValueRef>(engine, reason);
    return error;
}

}  // namespace

/// Parks the task until a JS promise settles. Cancelling the task cancels
/// its sleeps instead of waiting: the JS code unwinds on its own, and its
/// promise settles to nobody.
class JsTaskRunner::PromiseAwaiter : public Suspension {
public:
    PromiseAwaiter(JsTaskRunner* runner, std::shared_ptr<JsValueRef> promise)
        : runner_(runner), promise_(std::move(promise)) {}

    bool await_ready() { return cancelledBeforeSuspending(); }
    void await_suspend(std::coroutine_handle<> h) {
        park(h);
        token_ = ++runner_->nextToken_;
        runner_->waiting_.insert(token_, this);
        JsEngine& engine = runner_->engine_;
        v8::Isolate* isolate = engine.isolate();
        // The reactions run from a microtask checkpoint, never inside this call.
        engine.runMacrotask([&](v8::Local<v8::Context> context) {
            const auto handler = [&](bool fulfilled) {
                const v8::Local<v8::Array> data = v8::Array::New(isolate, 3);
                data->Set(context, 0, v8::External::New(isolate, runner_)).Check();
                data->Set(context, 1, v8::Integer::New(isolate, token_)).Check();
                data->Set(context, 2, v8::Boolean::New(isolate, fulfilled)).Check();
                return v8::Function::New(context, &JsTaskRunner::onSettled, data, 1)
                    .ToLocalChecked();
            };
            const v8::Local<v8::Value> value = promise_->get();
            v8::Local<v8::Promise> promise;
            if (value->IsPromise()) {
                promise = value.As<v8::Promise>();
            } else {
                // A thenable: Promise.resolve adopts it, as `await` would.
                const auto resolver = v8::Promise::Resolver::New(context).ToLocalChecked();
                resolver->Resolve(context, value).Check();
                promise = resolver->GetPromise();
            }
            static_cast<void>(promise->Then(context, handler(true), handler(false)).IsEmpty());
        });
    }
    QVariant await_resume() const {
        throwIfTaskCancelled();
        if (error_) throwJsError(*error_);
        return value_;
    }
    bool detach() noexcept override {
        runner_->waiting_.remove(token_);
        // Its sleeps reject with CancelledError; the catch and finally blocks
        // they wake are script code, run now.
        if (task) runner_->cancelSleepsOf(task->id);
        return true;
    }
    quint64 taskId() const { return task ? task->id : 0; }
    void fail(const JsError& error) {
        runner_->waiting_.remove(token_);
        error_ = error;
        resume();
    }
    void settle(v8::Local<v8::Context> context, bool fulfilled, v8::Local<v8::Value> value) {
        JsEngine& engine = runner_->engine_;
        if (fulfilled)
            value_ = toVariant(engine.qobjects(), context, value);
        else
            error_ = rejectionError(engine, context, value);
        resume();
    }

private:
    JsTaskRunner* runner_;
    std::shared_ptr<JsValueRef> promise_;
    int token_ = 0;
    QVariant value_;
    std::optional<JsError> error_;
};

/// A task's sleeps are forgotten when its call ends, however it ends.
struct JsTaskRunner::ForgetSleeps {
    QPointer<JsTaskRunner> runner;
    quint64 task;
    ~ForgetSleeps() {
        if (runner && task) {
            runner->sleepsByTask_.remove(task);
            runner->cancelHooks_.remove(task);
            runner->notes_.remove(task);
        }
    }
};

JsTaskRunner::JsTaskRunner(JsEngine& engine, Document* document, QObject* parent)
    : QObject(parent), engine_(engine), document_(document) {
    engine_.runMacrotask([&](v8::Local<v8::Context> context) {
        v8::Isolate* isolate = engine_.isolate();
        const char* source =
            "(class CancelledError extends Error {"
            "  constructor(message = 'task cancelled') { super(message); }"
            "  get name() { return 'CancelledError'; } })";
        v8::Local<v8::Value> made =
            v8::Script::Compile(context, toV8(isolate, QString::fromLatin1(source)))
                .ToLocalChecked()
                ->Run(context)
                .ToLocalChecked();
        cancelledErrorClass_.Reset(isolate, made.As<v8::Function>());
        const v8::Local<v8::ObjectTemplate> box = v8::ObjectTemplate::New(isolate);
        box->SetInternalFieldCount(1);
        taskBox_.Reset(isolate, box);
    });
    engine_.setStopHandler([this](const JsError& stop) { return failStoppedTask(stop); });
}

bool JsTaskRunner::failStoppedTask(const JsError& stop) {
    if (!stop.stoppedTask) return false;  // top-level or timer code: no task waits on it
    for (PromiseAwaiter* waiter : std::as_const(waiting_)) {
        if (waiter->taskId() != stop.stoppedTask) continue;
        JsError error = stop;
        nameStoppedTask(error, stop.stoppedTask);
        // Its code will not run again: what it still slept on goes quietly,
        // so nothing of it keeps the app busy (pn.sleep's promises stay pending).
        for (int timer : sleepsByTask_.take(stop.stoppedTask)) engine_.timers().clear(timer);
        cancelHooks_.remove(stop.stoppedTask);
        waiter->fail(error);  // resumes the task, which may change waiting_: stop here
        return true;
    }
    return false;
}

JsTaskRunner::~JsTaskRunner() {
    engine_.setStopHandler({});
    // Its tasks (owned by the document) refer to this runner: cancel them
    // while it and the engine still exist.
    if (Runtime* runtime = Runtime::ifExists(); runtime && document_)
        runtime->tasks().cancelOwnedBy(document_);
    cancelledErrorClass_.Reset();
    taskBox_.Reset();
}

v8::Local<v8::Function> JsTaskRunner::cancelledErrorClass() const {
    return cancelledErrorClass_.Get(engine_.isolate());
}

void JsTaskRunner::noteOnTask(v8::Local<v8::Context> context, const QString& note) {
    // Task 0 (code outside any task) too: callEagerly hands that on or drops it.
    notes_.insert(currentJsTask(context), note);
}

void JsTaskRunner::onCancel(v8::Local<v8::Context> context, v8::Local<v8::Function> hook) {
    if (const quint64 task = currentJsTask(context))
        cancelHooks_[task].append(std::make_shared<JsValueRef>(engine_, hook));
}

v8::Local<v8::Value> JsTaskRunner::cancelledError(v8::Local<v8::Context> context) const {
    return cancelledErrorClass_.Get(engine_.isolate())->NewInstance(context).ToLocalChecked();
}

void JsTaskRunner::callEagerly(const JsFunction& fn, const QVariantList& args,
                               const QString& origin) {
    if (!fn.engine()) return;
    const TaskRecord* running = currentTask();
    std::optional<JsError> failed;
    quint64 outerId = 0;
    bool outerHadNote = true;
    // One macrotask around it all: its microtask checkpoint comes after the
    // task exists, so the continuations of the callback's awaits are its.
    const std::optional<JsError> stopped =
        engine_.runMacrotask([&](v8::Local<v8::Context> context) {
            v8::Isolate* isolate = engine_.isolate();
            // The synchronous part is the outer task's (the lock it holds);
            // the box is made to name the new task once there is one.
            const v8::Local<v8::Object> box =
                taskBox_.Get(isolate)->NewInstance(context).ToLocalChecked();
            // From C++ (a click), the C++ task running; from JS, the JS code's.
            const quint64 outer = running ? running->id : currentJsTask(context);
            box->SetInternalField(0, v8::Number::New(isolate, double(outer)));
            outerHadNote = notes_.contains(outer);
            outerId = outer;
            std::shared_ptr<JsValueRef> result;
            failed = engine_.runMacrotask([&](v8::Local<v8::Context>) {
                result = invokeWith(context, box, [&] {
                    QVarLengthArray<v8::Local<v8::Value>, 6> argv;
                    for (const QVariant& arg : args) argv.append(toJs(engine_.qobjects(), arg));
                    return fn.get()->Call(context, v8::Undefined(isolate), int(argv.size()),
                                          argv.data());
                });
            });
            if (failed || !result || !result->get()->IsPromise()) return;
            const v8::Local<v8::Promise> promise = result->get().As<v8::Promise>();
            if (promise->State() == v8::Promise::kFulfilled) return;
            if (promise->State() == v8::Promise::kRejected) {
                // Settled already: reported as a throw, not as an unhandled rejection too.
                promise->MarkAsHandled();
                failed = rejectionError(engine_, context, promise->Result());
                return;
            }
            const quint64 id = Runtime::instance().spawn(
                [this, result]() -> QCoro::Task<> {
                    const TaskRecord* task = currentTask();
                    ForgetSleeps forget{this, task ? task->id : 0};
                    co_await settle(result);
                },
                SpawnOptions{origin, document_.data(), {}, {}});
            box->SetInternalField(0, v8::Number::New(isolate, double(id)));
            if (!outerHadNote && notes_.contains(outer)) notes_.insert(id, notes_.take(outer));
        });
    if (outerId == 0 && !outerHadNote) notes_.remove(0);  // no task took it
    if (!failed) failed = stopped;  // the watchdog's stop, taken by the outer run
    if (!failed) return;
    if (failed->kind == JsError::Kind::TimeLimit)
        failed->message += QStringLiteral(" in ") + origin;
    try {
        throwJsError(*failed);
    } catch (const LocatedError&) {
        Runtime::instance().reportCurrentException(origin, document_.data());
    }
}

quint64 JsTaskRunner::call(JsFunction fn, QVariantList args, const QString& origin,
                           CallOptions options) {
    const bool withLock = options.withLock;
    return Runtime::instance().spawn(
        [this, fn = std::move(fn), args = std::move(args), withLock]() -> QCoro::Task<> {
            Document::LockGuard guard;
            if (withLock && document_) guard = co_await document_->lock();
            co_await evaluate(fn, args);
        },
        SpawnOptions{origin, document_.data(), std::move(options.policy), {}});
}

QCoro::Task<QVariant> JsTaskRunner::evaluate(JsFunction fn, QVariantList args) {
    const TaskRecord* task = currentTask();
    const quint64 taskId = task ? task->id : 0;
    ForgetSleeps forget{this, taskId};
    std::shared_ptr<JsValueRef> result = start(fn, args, taskId);
    co_return co_await settle(std::move(result));
}

std::shared_ptr<JsValueRef> JsTaskRunner::start(const JsFunction& fn, const QVariantList& args,
                                                quint64 task) {
    if (!fn.engine()) return {};
    return startIn(task, [&](v8::Local<v8::Context> context) {
        QVarLengthArray<v8::Local<v8::Value>, 6> argv;
        for (const QVariant& arg : args) argv.append(toJs(engine_.qobjects(), arg));
        return fn.get()->Call(context, v8::Undefined(engine_.isolate()), int(argv.size()),
                              argv.data());
    });
}

std::shared_ptr<JsValueRef> JsTaskRunner::startIn(quint64 task, const Invocation& call) {
    std::shared_ptr<JsValueRef> result;
    const std::optional<JsError> error = engine_.runMacrotask([&](v8::Local<v8::Context> context) {
        v8::Isolate* isolate = engine_.isolate();
        result = invokeWith(context,
                            task ? v8::Local<v8::Value>(v8::Number::New(isolate, double(task)))
                                 : v8::Local<v8::Value>(v8::Undefined(isolate)),
                            [&] { return call(context); });
    });
    if (!error) return result;
    JsError failed = *error;
    nameStoppedTask(failed, task);
    throwJsError(failed);
}

std::shared_ptr<JsValueRef> JsTaskRunner::invokeWith(
    v8::Local<v8::Context> context, v8::Local<v8::Value> data,
    const std::function<v8::MaybeLocal<v8::Value>()>& call) {
    // The data (the task) goes with every reaction made while the call runs.
    const v8::Local<v8::Value> outer = context->GetContinuationPreservedEmbedderData();
    context->SetContinuationPreservedEmbedderData(data);
    v8::Local<v8::Value> value;
    std::shared_ptr<JsValueRef> result;
    if (call().ToLocal(&value)) result = std::make_shared<JsValueRef>(engine_, value);
    context->SetContinuationPreservedEmbedderData(outer);
    return result;
}

JsTaskRunner::Started JsTaskRunner::begin(const JsFunction& fn, const QVariantList& args) {
    const TaskRecord* task = currentTask();
    Started started{start(fn, args, task ? task->id : 0), false, task ? task->id : 0};
    if (!started.result) return started;
    engine_.runMacrotask([&](v8::Local<v8::Context> context) {
        const v8::Local<v8::Value> value = started.result->get();
        if (!value->IsObject() || value->IsPromise()) return;
        v8::Isolate* isolate = engine_.isolate();
        const v8::Local<v8::Object> object = value.As<v8::Object>();
        v8::Local<v8::Value> next, then;
        started.iterator =
            object->Get(context, toV8(isolate, QStringLiteral("next"))).ToLocal(&next) &&
            next->IsFunction() &&
            !(object->Get(context, toV8(isolate, QStringLiteral("then"))).ToLocal(&then) &&
              then->IsFunction());
    });
    return started;
}

QCoro::Task<QVariant> JsTaskRunner::finish(Started started) {
    ForgetSleeps forget{this, started.task};
    co_return co_await settle(std::move(started.result));
}

/// An iterator left before it is done (a newer trigger dropped the
/// generator) is closed as for-of closes one: return() runs its finally
/// blocks (after a pending next(), which an async generator queues).
struct JsTaskRunner::CloseIterator {
    QPointer<JsTaskRunner> runner;
    std::shared_ptr<JsValueRef> iterator;
    bool finished = false;
    ~CloseIterator() {
        if (!finished && runner && iterator && iterator->engine()) runner->closeIterator(*iterator);
    }
};

void JsTaskRunner::closeIterator(const JsValueRef& iterator) {
    const std::optional<JsError> error = engine_.runMacrotask([&](v8::Local<v8::Context> context) {
        const v8::Local<v8::Value> value = iterator.get();
        if (!value->IsObject()) return;
        const v8::Local<v8::Object> object = value.As<v8::Object>();
        v8::Local<v8::Value> close, closing;
        if (!object->Get(context, toV8(engine_.isolate(), QStringLiteral("return")))
                 .ToLocal(&close) ||
            !close->IsFunction() ||
            !close.As<v8::Function>()->Call(context, object, 0, nullptr).ToLocal(&closing))
            return;
        // Nobody awaits the closing: a throw in its finally is reported, once.
        if (closing->IsPromise())
            static_cast<void>(
                closing.As<v8::Promise>()
                    ->Catch(context, v8::Function::New(context, &JsTaskRunner::onCloseFailed,
                                                       v8::External::New(engine_.isolate(), this))
                                         .ToLocalChecked())
                    .IsEmpty());
    });
    if (error) engine_.report(*error);
}

void JsTaskRunner::onCloseFailed(const v8::FunctionCallbackInfo<v8::Value>& info) {
    auto* runner = static_cast<JsTaskRunner*>(info.Data().As<v8::External>()->Value());
    v8::Isolate* isolate = info.GetIsolate();
    runner->engine_.report(rejectionError(runner->engine_, isolate->GetCurrentContext(), info[0]));
}

QCoro::AsyncGenerator<QVariant> JsTaskRunner::iterate(Started started) {
    ForgetSleeps forget{this, started.task};
    const std::shared_ptr<JsValueRef> iterator = started.result;
    CloseIterator closer{this, iterator};
    for (;;) {
        if (!iterator->engine()) co_return;
        std::shared_ptr<JsValueRef> step =
            startIn(started.task, [&](v8::Local<v8::Context> context) -> v8::MaybeLocal<v8::Value> {
                const v8::Local<v8::Object> object = iterator->get().As<v8::Object>();
                v8::Local<v8::Value> next;
                if (!object->Get(context, toV8(engine_.isolate(), QStringLiteral("next")))
                         .ToLocal(&next) ||
                    !next->IsFunction())
                    return {};
                return next.As<v8::Function>()->Call(context, object, 0, nullptr);
            });
        const QVariantMap result = (co_await settle(std::move(step))).toMap();
        // Done, or thrown (a closed iterator's return() does nothing).
        if (result.value(QStringLiteral("done")).toBool()) {
            closer.finished = true;
            co_return;
        }
        co_yield result.value(QStringLiteral("value"));
    }
}

QCoro::Task<QVariant> JsTaskRunner::settle(std::shared_ptr<JsValueRef> result) {
    if (!result || !result->engine()) co_return QVariant();
    bool thenable = false;
    QVariant plain;
    engine_.runMacrotask([&](v8::Local<v8::Context> context) {
        const v8::Local<v8::Value> value = result->get();
        if (value->IsPromise()) {
            thenable = true;
        } else if (value->IsObject()) {
            v8::Local<v8::Value> then;
            thenable = value.As<v8::Object>()
                           ->Get(context, toV8(engine_.isolate(), QStringLiteral("then")))
                           .ToLocal(&then) &&
                       then->IsFunction();
        }
        if (!thenable) plain = toVariant(engine_.qobjects(), context, value);
    });
    if (!thenable) co_return plain;
    co_return co_await PromiseAwaiter(this, std::move(result));
}

void JsTaskRunner::onSettled(const v8::FunctionCallbackInfo<v8::Value>& info) {
    v8::Isolate* isolate = info.GetIsolate();
    const v8::Local<v8::Context> context = isolate->GetCurrentContext();
    const v8::Local<v8::Array> data = info.Data().As<v8::Array>();
    auto* runner = static_cast<JsTaskRunner*>(
        data->Get(context, 0).ToLocalChecked().As<v8::External>()->Value());
    const int token =
        data->Get(context, 1).ToLocalChecked().As<v8::Integer>()->Int32Value(context).FromJust();
    const bool fulfilled = data->Get(context, 2).ToLocalChecked()->BooleanValue(isolate);
    // Gone: the task was cancelled meanwhile, and this settles to nobody.
    if (PromiseAwaiter* waiter = runner->waiting_.take(token))
        waiter->settle(context, fulfilled, info[0]);
}

quint64 JsTaskRunner::currentJsTask(v8::Local<v8::Context> context) const {
    return continuationTask(context->GetContinuationPreservedEmbedderData());
}

v8::Local<v8::Promise> JsTaskRunner::sleep(v8::Local<v8::Context> context,
                                           std::chrono::milliseconds delay) {
    const quint64 task = currentJsTask(context);
    Runtime* runtime = Runtime::ifExists();
    const TaskRecord* record = task && runtime ? runtime->tasks().find(task) : nullptr;
    if (record && record->cancelRequested) {
        const auto resolver = v8::Promise::Resolver::New(context).ToLocalChecked();
        resolver->Reject(context, cancelledError(context)).Check();
        return resolver->GetPromise();
    }
    int id = 0;
    const v8::Local<v8::Promise> promise = engine_.timers().sleep(context, delay, &id);
    if (record) sleepsByTask_[task].insert(id);
    return promise;
}

int JsTaskRunner::pendingSleeps() const {
    int n = 0;
    for (const QSet<int>& ids : sleepsByTask_)
        for (int id : ids) n += engine_.timers().isPending(id) ? 1 : 0;
    return n;
}

void JsTaskRunner::cancelSleepsOf(quint64 task) {
    const QSet<int> ids = sleepsByTask_.take(task);
    const QList<std::shared_ptr<JsValueRef>> hooks = cancelHooks_.take(task);
    if (ids.isEmpty() && hooks.isEmpty()) return;
    const std::optional<JsError> error = engine_.runMacrotask([&](v8::Local<v8::Context> context) {
        for (int id : ids) engine_.timers().rejectSleep(context, id, cancelledError(context));
        for (const auto& hook : hooks) {
            const v8::Local<v8::Value> fn = hook->get();
            if (fn->IsFunction())
                static_cast<void>(fn.As<v8::Function>()
                                      ->Call(context, v8::Undefined(engine_.isolate()), 0, nullptr)
                                      .IsEmpty());
        }
    });
    if (error) engine_.report(*error);
}

}  // namespace qpanel::v8engine
