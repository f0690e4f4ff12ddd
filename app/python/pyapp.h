#pragma once
// One Python app's context: its document (owner of its tasks and holder of
// the lock), its script folder (which frames are the user's), and the
// bridge between Python callbacks and core tasks. Every call from C++ into
// the app's Python code goes through Enter (GIL, watchdog, current app).
//
// An async Python callback is a core task: runCall() calls the function
// inside the task and drives the coroutine it returns. Each await of an
// asyncio future parks the task in a cancellable FutureAwaiter; cancelling
// the task throws asyncio.CancelledError into the coroutine at that await.

#include <QCoro/QCoroTask>
#include <QObject>
#include <QPointer>
#include <QSet>

#include "core/document.h"
#include "python/pyerror.h"
#include "python/pywatchdog.h"

namespace qpanel::python {

class PyApp : public QObject {
    Q_OBJECT

public:
    PyApp(Document* document, QObject* parent = nullptr);
    ~PyApp() override;

    /// The app whose Python code runs now (null outside any).
    static PyApp* current();
    /// current(), else the app whose asyncio Context the running code is in
    /// (a plain asyncio task or loop callback of it); null outside any (GIL held).
    static PyApp* ofRunningCode();
    /// What the app's asyncio Context names as its owner (ofRunningCode finds it by that).
    quint64 id() const { return id_; }
    /// The asyncio loop's dispatch hook (asyncioloop.h): each call of the loop
    /// into Python code is timed by the watchdog, and one in an app's Context
    /// (a plain asyncio task or callback of it) runs with that app current,
    /// as in its pn callbacks.
    static void dispatchLoopCall(PyObject* ownerToken, void (*body)(void*), void* data);
    /// current(), or a Python RuntimeError naming `what` when none runs.
    static PyApp& require(const char* what);

    Document* document() const { return document_.data(); }
    const QString& folder() const { return folder_; }
    void setFolder(const QString& folder) { folder_ = folder; }
    /// The contextvars.Context the app's code runs in (the loop's mark of
    /// what is this app's: its handles, transports, asyncio tasks).
    void setContext(PyRef context) { context_ = std::move(context); }
    const PyRef& context() const { return context_; }
    /// The asyncio loop tasks report as theirs (get_loop()).
    void setLoop(PyRef loop) { loop_ = std::move(loop); }
    const PyRef& loop() const { return loop_; }

    /// Entering the app's Python code: takes the GIL, starts the watchdog's
    /// clock, makes this app (and its document) current.
    class Enter {
    public:
        explicit Enter(PyApp* app);
        ~Enter();
        Enter(const Enter&) = delete;
        Enter& operator=(const Enter&) = delete;

    private:
        py::gil_scoped_acquire gil_;
        PyWatchdog::Entry entry_;
        PyApp* previous_;
        Document::Scope scope_;
        QPointer<PyApp> app_;
        PyObject* entered_ = nullptr;  ///< the app's context, if this entry entered it
    };

    /// fn(*args) now; a Python exception becomes a PythonError.
    PyRef call(const PyRef& fn, const PyRef& args);
    /// Whether a call's result is something to await (a coroutine, a future).
    bool isAwaitable(const PyRef& value);

    /// fn(*args) as a task owned by the document: the lock first when
    /// `withLock`, then the call, then its coroutine driven to the end.
    quint64 spawn(PyRef fn, PyRef args, const QString& origin, bool withLock,
                  std::shared_ptr<PolicyState> policy = {});
    /// The body of such a task (for periodic callbacks and execute).
    static QCoro::Task<> runCall(QPointer<PyApp> app, PyRef fn, PyRef args, bool withLock);
    /// Drives an awaitable (in a task) to its result; a Python error is a
    /// PythonError, a cancelled coroutine TaskCancelled.
    QCoro::Task<PyRef> drive(PyRef awaitable);

    /// Reports an error of this app's code (console, exception handler);
    /// SystemExit ends the app instead.
    void report(const PythonError& error, const QString& origin);
    /// The asyncio loop's report hook: an error the loop caught (a callback
    /// that raised, a task exception nobody retrieved) goes to the app whose
    /// code it was, at its line; to stderr when no open app owns it.
    static void reportLoopError(py::handle text, py::handle context);
    /// Makes a PythonError of the Python error being handled (GIL held).
    PythonError describe(py::error_already_set& error) const;

    /// print() output of this app, by lines.
    void write(bool error, const QString& text);
    /// A warning in the app's Console, the first time `key` is warned about.
    void warnOnce(const QString& key, const QString& text);

signals:
    void messageLogged(const QString& level, const QString& text);
    /// The script called sys.exit(): its app ends (tasks and periodic
    /// callbacks stop), qpanel goes on.
    void exitRequested(const QString& message, const QString& location);

private:
    static quint64 nextId();

    const quint64 id_;
    QPointer<Document> document_;
    QString folder_;
    PyRef loop_;
    PyRef context_;
    bool inContext_ = false;  ///< an Enter of this app has entered context_
    QString pending_[2];      // partial print() lines: stdout, stderr
    QSet<QString> warned_;    // warnOnce keys
};

}  // namespace qpanel::python
