#pragma once

#include <QHash>
#include <QJSEngine>
#include <QObject>

#include "bridge/scripterror.h"
#include "bridge/scripttimers.h"
#include "bridge/transpileresult.h"

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
    ScriptTimers& timers() { return m_timers; }
    QJSEngine* engine() const { return m_engine; }
    /// globalThis.__qpanel: the host's JS side (contexts, sleep, microtasks).
    QJSValue hostObject() const { return m_hostObject; }
    /// Runs every queued promise job now (as after any macrotask).
    void drainMicrotasks();
    /// A thrown JS value as the user's error: message and mapped file:line.
    ScriptError describe(const QJSValue& error, QString* stack = nullptr) const;

    /// Called by host.js (the console and error sink); not for C++ callers.
    Q_INVOKABLE void log(const QString& level, const QString& text);
    Q_INVOKABLE void error(const QString& message, const QString& fileName, int line,
                           const QString& stack);

signals:
    /// console.<level>(...) formatted as node does for simple values.
    void messageLogged(const QString& level, const QString& text);
    /// An uncaught error or unhandled rejection, at the user's position.
    void errorReported(const qpanel::ScriptError& error, const QString& stack);

private:
    QJSValue evaluateResource(const QString& path);
    void reportThrown(const QJSValue& error);
    ScriptError locate(QString message, QString fileName, int line, const QString& stack = {}) const;

    QJSEngine* m_engine;
    ScriptTimers m_timers;
    QJSValue m_hostObject;                   // globalThis.__qpanel
    QHash<QString, SourceMap> m_sourceMaps;  // by file name, for error positions
};

}  // namespace qpanel
