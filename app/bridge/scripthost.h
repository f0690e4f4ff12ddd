#pragma once

#include <QHash>
#include <QJSEngine>
#include <QObject>

#include "bridge/scripttimers.h"
#include "bridge/scriptwatchdog.h"
#include "bridge/transpileresult.h"
#include "session/scripterror.h"

namespace qpanel {

/// Makes a QJSEngine a script host like node's or a browser's: polyfills
/// (including a Promise whose microtasks drain fully after each task),
/// setTimeout & co. over ScriptTimers, queueMicrotask, and console.* .
/// Errors and console output come out as signals.
class ScriptHost : public QObject {
    Q_OBJECT
public:
    /// engine must outlive the host; it is set up at once.
    explicit ScriptHost(QJSEngine* engine, QObject* parent = nullptr);
    ~ScriptHost() override;

    /// Evaluates a transpiled script, then runs its microtasks. Returns false
    /// (and reports) if it threw at top level or failed to transpile.
    bool run(const TranspileResult& script);
    /// No timer pending and no microtask queued.
    bool isIdle() const;
    ScriptTimers& timers() { return timers_; }
    const ScriptTimers& timers() const { return timers_; }
    QJSEngine* engine() const { return engine_; }
    /// globalThis.__qpanel: the host's JS side (contexts, sleep, microtasks).
    QJSValue hostObject() const { return hostObject_; }
    /// Runs every queued promise job now (as after any macrotask).
    void drainMicrotasks();
    /// A thrown JS value as the user's error: message and mapped file:line.
    ScriptError describe(const QJSValue& error, QString* stack = nullptr) const;

    /// Times every call from C++ into the engine (runaway scripts).
    ScriptWatchdog& watchdog() { return watchdog_; }
    const ScriptWatchdog& watchdog() const { return watchdog_; }
    /// Calls `fn(args...)` as C++ entering JS, under the watchdog. A call the
    /// watchdog cut off returns runawayError(origin) instead of V4's bare
    /// "Interrupted" (which has no position).
    QJSValue call(const QJSValue& fn, const QJSValueList& args, const QString& origin);
    /// call(), reporting what it throws as an error in a callback.
    void invoke(const QJSValue& fn, const QJSValueList& args, const QString& origin);
    /// "script ran longer than N ms and was interrupted in <origin>", placed
    /// in the script last run.
    QJSValue runawayError(const QString& origin) const;
    /// An Error standing for a non-Error value the script threw at its top
    /// level, placed at the throw's line from evaluate()'s trace.
    QJSValue nonErrorThrown(const QJSValue& value, const QStringList& trace) const;

    /// Whether the script set pn.config.exception_handler.
    bool hasExceptionHandler() const;
    /// The one report of an error in a callback: the script's exception
    /// handler gets `thrown` if it set one, else errorReported. A handler
    /// that fails is reported by default, with the original error.
    void reportCallbackError(const ScriptError& error, const QString& stack,
                             const QJSValue& thrown);

    /// Whether this runs inside a call into JS made by native code that
    /// script code called (JS → C++ → JS), so script code is on the stack.
    Q_INVOKABLE bool insideScriptCall() const { return watchdog_.depth() > 1; }

    /// Called by host.js (the console and error sink); not for C++ callers.
    Q_INVOKABLE void log(const QString& level, const QString& text);
    /// `toHandler`: the error came from a callback (else from the top level,
    /// or from the exception handler itself).
    Q_INVOKABLE void error(const QString& message, const QString& fileName, int line,
                           const QString& stack, const QJSValue& thrown, bool toHandler);

signals:
    /// console.<level>(...) formatted as node does for simple values.
    void messageLogged(const QString& level, const QString& text);
    /// An uncaught error or unhandled rejection, at the user's position.
    void errorReported(const qpanel::ScriptError& error, const QString& stack);

private:
    QJSValue evaluateResource(const QString& path);
    void reportThrown(const QJSValue& error, bool toHandler);
    ScriptError locate(QString message, QString fileName, int line,
                       const QString& stack = {}) const;

    QJSEngine* engine_;
    ScriptWatchdog watchdog_{engine_};
    ScriptTimers timers_;
    QJSValue hostObject_;                   // globalThis.__qpanel
    QHash<QString, SourceMap> sourceMaps_;  // by file name, for error positions
    QString lastScript_;                    // where runaway errors point
    mutable QString lastRunaway_;           // the last interrupt's message, for the tasks it cut
    bool handlingError_ = false;            // inside the exception handler: no recursion
};

}  // namespace qpanel
