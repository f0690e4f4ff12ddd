#pragma once
// One loaded app, in whatever language its script is written: what the
// shell, the CLI, the Console and the Tasks dock see of it. Each language
// (app/bridge for JavaScript, app/python for Python) implements it; what
// both need (idle as --exit-when-idle means it, the activity a --timeout message names, the
// servable content) lives here once.
//
// The hops of a load:
//   shell (MainWindow::openScriptInBackground / openScript) or cli (main.cpp)
//     → AppLanguages::forFile(path)          the language, by file extension
//     → AppLanguage::prepare(path)           optional, off the GUI thread
//                                            (JS: Babel on the transpiler's worker)
//     → AppLanguage::createSession()         e.g. ScriptSession (JS)
//     → AppSession::load(path)               runs the script's top level in
//                                            its Document (tasks, components)
//     → AppSession::createContent()          the servable roots, for the window
//   and back: messageLogged / errorReported → ConsoleDock, cli ConsoleEcho;
//   the document's tasks → core's TaskRegistry → TasksDock.
// Destroying the session closes the app: every task, timer and periodic
// callback of it is cancelled before it returns.

#include <QObject>
#include <QStringList>
#include <chrono>

#include "session/scripterror.h"

class QWidget;

namespace qpanel {

class Document;

class AppSession : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    /// Reads and runs the app script at `path`; false (with errorReported) on failure.
    virtual bool load(const QString& path) = 0;
    /// The app's document: owner of its tasks, components and servables.
    virtual Document* document() const = 0;
    /// The servable roots, stacked (for the window); the caller owns it.
    virtual QWidget* createContent() const;

    /// Idle: no task of this app in flight, no pn.state.execute call
    /// pending, no periodic callback running, and the language's own host
    /// has nothing pending (timers, sleeps, jobs).
    bool isIdle() const;
    /// What keeps the app busy, for the --timeout message
    /// ("2 task(s) in flight, 1 timer(s) or sleep(s) pending").
    QString describeActivity() const;

    /// How long script code may run at a stretch before it is interrupted
    /// (awaiting does not count).
    virtual void setScriptTimeLimit(std::chrono::milliseconds limit) = 0;
    virtual std::chrono::milliseconds scriptTimeLimit() const = 0;
    /// Interrupts script code that never returns to the event loop (the
    /// CLI's --timeout, past its grace period). Thread-safe: called from a
    /// helper thread while the GUI thread is stuck in the script.
    virtual void interruptRunaway() = 0;

signals:
    /// console.log / print output; level is "log", "info", "debug", "warn" or "error".
    void messageLogged(const QString& level, const QString& text);
    /// Every error of this app (top level, callbacks, tasks), with the
    /// user's stack ("" if none); `echo` says whether stderr has it already.
    void errorReported(const qpanel::ScriptError& error, const QString& stack,
                       qpanel::ErrorEcho echo);

protected:
    /// The language host's part of isIdle(): its timers, sleeps and jobs.
    virtual bool hostIsIdle() const = 0;
    /// The language host's part of describeActivity(), one phrase per kind.
    virtual QStringList hostActivity() const = 0;
    /// What describeActivity() says when nothing countable is pending (the
    /// host is busy with work it cannot count, e.g. JS promise jobs).
    virtual QString uncountedActivity() const { return QStringLiteral("work pending"); }
};

}  // namespace qpanel
