#pragma once
// JavaScript callbacks as qpanel tasks. A callback runs its synchronous part
// at once; if it returns a promise (an async function), the task lasts until
// the promise settles, so it shows in the task registry, keeps `busy` true,
// and can be cancelled. Its context follows every `await` (polyfills.js), so
// cancelling the task rejects its pending sleeps with CancelledError and the
// function stops at that await. Errors reach the runtime's one error report
// with the user's file:line.
//
//   JsTasks tasks(&host, &document);
//   tasks.call(callback, {event}, QStringLiteral("Button 'Go'.on_click"));

#include <QHash>
#include <QJSValue>
#include <QObject>
#include <QPointer>

#include "bridge/scripthost.h"
#include "core/document.h"

namespace qpanel {

/// A throw or rejection in a JS task, with the value thrown (what
/// pn.config.exception_handler receives).
class ScriptException : public LocatedError {
public:
    ScriptException(const QString& message, SourceLocation location, QString stack, QJSValue thrown)
        : LocatedError(message, std::move(location), std::move(stack)),
          thrown_(std::move(thrown)) {}
    const QJSValue& thrown() const { return thrown_; }

private:
    QJSValue thrown_;
};

struct JsCallOptions {
    std::shared_ptr<PolicyState> policy;
    /// Hold the document lock for the whole call, awaits included
    /// (Panel's pn.io.with_lock).
    bool withLock = false;
};

class JsTasks : public QObject {
    Q_OBJECT

public:
    JsTasks(ScriptHost* host, Document* document, QObject* parent = nullptr);
    ~JsTasks() override;

    /// Runs `fn(args...)` as a task owned by the document; returns its id.
    quint64 call(const QJSValue& fn, const QJSValueList& args, const QString& origin,
                 JsCallOptions options = {});

    /// Calls `fn(args...)` at once, outside any task, as param calls its
    /// watchers; only if it returns a pending promise (an async function
    /// that awaits) does it become a task, lasting until the promise
    /// settles. A sync callback so costs one JS call instead of a task.
    /// Errors are reported with `origin`. For callbacks without a
    /// concurrency policy or lock (those need a task from their start).
    void callEagerly(const QJSValue& fn, const QJSValueList& args, const QString& origin);

    /// Inside a running task: calls `fn(args...)` in a fresh context of that
    /// task and waits for the value its promise settles to (or the plain
    /// value it returns). A throw or rejection becomes a ScriptException.
    QCoro::Task<QJSValue> evaluate(QJSValue fn, QJSValueList args);

    /// evaluate() in two steps, for callers that look at what `fn` returned
    /// before waiting (generators): start() calls it (throwing
    /// ScriptException), settle() waits for a pending promise.
    struct Started {
        QJSValue context;
        QJSValue result;
        bool pending = false;  ///< result is a thenable
    };
    /// `origin` names the callback when no task runs it (callEagerly).
    Started start(const QJSValue& fn, const QJSValueList& args, const QString& origin = {});
    QCoro::Task<QJSValue> settle(Started started);

    ScriptHost* host() const { return host_.data(); }

    /// From JS (host.settleTo): the promise behind `token` settled.
    Q_INVOKABLE void settled(int token, bool fulfilled, const QJSValue& value);

    class PromiseAwaiter;

private:
    QCoro::Task<> run(QJSValue fn, QJSValueList args, bool withLock);
    [[noreturn]] void throwScriptError(const QJSValue& error) const;

    QPointer<ScriptHost> host_;
    QPointer<Document> document_;
    // Looked up once: settled() as a JS function, host.settleTo, host.startTask.
    QJSValue settled_;
    QJSValue settleTo_;
    QJSValue startTask_;
    QHash<int, PromiseAwaiter*> waiting_;
    int nextToken_ = 0;
};

}  // namespace qpanel
