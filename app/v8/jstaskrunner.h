#pragma once
// JavaScript callbacks as qpanel tasks on V8. A callback's synchronous part
// runs at once; if it returns a promise (an async function), the task lasts
// until the promise settles, so it shows in the task registry, keeps `busy`
// true and can be cancelled. Which task code belongs to travels with V8's
// continuation-preserved embedder data (the task's id, carried across every
// await by V8 itself, so no JS bookkeeping). sleep() of a task is cancelled
// with it: the promise rejects with CancelledError, so the async function
// stops at that await and runs its finally blocks, as asyncio's do.
// Errors are LocatedErrors at the script's file:line, which the runtime
// reports once.
//
//   JsTaskRunner tasks(engine, &document);
//   tasks.call(onClick, {event}, QStringLiteral("Button 'Go'.on_click"));

#include <v8.h>

#include <QCoro/QCoroAsyncGenerator>
#include <QCoro/QCoroTask>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <chrono>
#include <functional>
#include <memory>

#include "core/document.h"
#include "core/runtime.h"
#include "v8/jserror.h"
#include "v8/jsfunction.h"

namespace qpanel::v8engine {

class JsEngine;
class JsValueRef;

/// A JS error of a task as the runtime sees it (a LocatedError at the
/// script's file:line), with what was thrown, for pn.config.exception_handler.
class JsException : public LocatedError {
public:
    explicit JsException(const JsError& error)
        : LocatedError(error.message, error.location, error.stack), thrown_(error.thrown) {}
    const std::shared_ptr<JsValueRef>& thrown() const { return thrown_; }

private:
    std::shared_ptr<JsValueRef> thrown_;
};

class JsTaskRunner : public QObject {
    Q_OBJECT

public:
    JsTaskRunner(JsEngine& engine, Document* document, QObject* parent = nullptr);
    /// Cancels the document's tasks while this runner and the engine exist.
    ~JsTaskRunner() override;

    struct CallOptions {
        std::shared_ptr<PolicyState> policy;  ///< exclusive / concurrency limit
        bool withLock = false;                ///< hold the document lock, awaits included
    };
    /// Runs `fn(args...)` as a task owned by the document; returns its id.
    quint64 call(JsFunction fn, QVariantList args, const QString& origin, CallOptions options);

    /// Calls `fn(args...)` at once, as param runs a watcher: a plain
    /// function is done when it returns (its edits are the running task's);
    /// one that returns a pending promise becomes a task from then on. A
    /// throw is reported with `origin`.
    void callEagerly(const JsFunction& fn, const QVariantList& args, const QString& origin);

    /// Inside a running task: calls `fn(args...)` as part of it and waits
    /// for the value its promise settles to (or the plain value it
    /// returns), converted as jsconvert's toVariant. A throw or rejection
    /// throws LocatedError.
    QCoro::Task<QVariant> evaluate(JsFunction fn, QVariantList args);

    /// evaluate() in two steps, for callers that look at what `fn` returned
    /// before waiting (pn.bind's generators): begin() runs its synchronous
    /// part inside the running task (throwing LocatedError), then finish()
    /// waits for the value, or iterate() pulls an iterator's values.
    struct Started {
        std::shared_ptr<JsValueRef> result;
        bool iterator = false;  ///< a (sync or async) iterator: has next(), is not a thenable
        quint64 task = 0;
    };
    Started begin(const JsFunction& fn, const QVariantList& args);
    QCoro::Task<QVariant> finish(Started started);
    /// Each value the iterator yields (awaiting an async one's promises), as
    /// toVariant converts it, until it is done; a throw is a LocatedError.
    QCoro::AsyncGenerator<QVariant> iterate(Started started);

    /// A promise resolved after `delay` (pn.sleep). Made inside a task, it
    /// rejects with CancelledError if the task is cancelled first.
    v8::Local<v8::Promise> sleep(v8::Local<v8::Context> context, std::chrono::milliseconds delay);
    /// The task the running JS code belongs to (0: none), from V8's
    /// continuation data.
    quint64 currentJsTask(v8::Local<v8::Context> context) const;
    /// Sleeps pending in tasks (not yet woken or cancelled).
    int pendingSleeps() const;

    /// `hook()` runs if the task the running JS code belongs to is cancelled
    /// while it is pending (pn.fetch cancels its request and rejects). No
    /// task: never.
    void onCancel(v8::Local<v8::Context> context, v8::Local<v8::Function> hook);

    /// A remark on the task the running JS code belongs to, kept until the
    /// task ends (pn.io.with_lock's function called directly, which a
    /// refused edit then explains). What a callEagerly call's synchronous
    /// part noted passes on to the task it becomes.
    void noteOnTask(v8::Local<v8::Context> context, const QString& note);
    QString taskNote(quint64 task) const { return notes_.value(task); }

    /// `new CancelledError()` of this engine (name "CancelledError", an Error).
    v8::Local<v8::Value> cancelledError(v8::Local<v8::Context> context) const;
    /// The CancelledError class itself (scripts' `host.CancelledError`).
    v8::Local<v8::Function> cancelledErrorClass() const;

    class PromiseAwaiter;
    struct ForgetSleeps;
    struct CloseIterator;

private:
    /// Calls fn in `task`'s context; the result (a promise or a value) or a
    /// LocatedError thrown.
    std::shared_ptr<JsValueRef> start(const JsFunction& fn, const QVariantList& args, quint64 task);
    /// Runs `call` as a macrotask with `task` as the continuation data; what
    /// it returns, or a LocatedError thrown.
    using Invocation = std::function<v8::MaybeLocal<v8::Value>(v8::Local<v8::Context>)>;
    std::shared_ptr<JsValueRef> startIn(quint64 task, const Invocation& call);
    /// Runs `call` with `data` as the context's continuation data.
    std::shared_ptr<JsValueRef> invokeWith(v8::Local<v8::Context> context,
                                           v8::Local<v8::Value> data,
                                           const std::function<v8::MaybeLocal<v8::Value>()>& call);
    QCoro::Task<QVariant> settle(std::shared_ptr<JsValueRef> result);
    void cancelSleepsOf(quint64 task);
    /// The task whose code a limit stopped after an await never continues
    /// (V8 dropped its job): it fails with the stop's error. False if no
    /// task waits on that code.
    bool failStoppedTask(const JsError& stop);
    static void onSettled(const v8::FunctionCallbackInfo<v8::Value>& info);
    void closeIterator(const JsValueRef& iterator);
    static void onCloseFailed(const v8::FunctionCallbackInfo<v8::Value>& info);

    JsEngine& engine_;
    QPointer<Document> document_;
    v8::Global<v8::Function> cancelledErrorClass_;
    v8::Global<v8::ObjectTemplate> taskBox_;  ///< continuation data naming a task made later
    QHash<quint64, QSet<int>> sleepsByTask_;  ///< timer ids, for cancelling
    QHash<quint64, QList<std::shared_ptr<JsValueRef>>> cancelHooks_;
    QHash<quint64, QString> notes_;
    QHash<int, PromiseAwaiter*> waiting_;  ///< by token
    int nextToken_ = 0;
};

}  // namespace qpanel::v8engine
