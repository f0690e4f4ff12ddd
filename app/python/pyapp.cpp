#include "python/pyapp.h"

#include <cstdio>
#include <unordered_map>

#include "asyncioloop.h"
#include "core/scheduler.h"
#include "core/suspension.h"
#include "python/pytaskhandle.h"

namespace qpanel::python {

namespace {

thread_local PyApp* currentApp = nullptr;

/// Every live app by id (GUI thread): what an asyncio Context's owner names.
std::unordered_map<quint64, PyApp*>& appsById() {
    static std::unordered_map<quint64, PyApp*> apps;
    return apps;
}

/// Parks a task until an asyncio future is done; cancelling the task leaves
/// the future's callback list at once (the callback then does nothing).
class FutureAwaiter : public Suspension {
public:
    explicit FutureAwaiter(PyRef future) : future_(std::move(future)) {}
    bool await_ready() { return cancelledBeforeSuspending(); }
    void await_suspend(std::coroutine_handle<> h) {
        park(h);
        link_ = std::make_shared<FutureAwaiter*>(this);
        py::gil_scoped_acquire gil;
        future_->attr("add_done_callback")(py::cpp_function([link = link_](py::handle) {
            if (FutureAwaiter* self = *link) {
                *link = nullptr;
                self->resume();
            }
        }));
    }
    void await_resume() const { throwIfTaskCancelled(); }
    bool detach() noexcept override {
        *link_ = nullptr;
        return true;
    }

private:
    PyRef future_;
    std::shared_ptr<FutureAwaiter*> link_;
};

enum class StepKind { Yielded, Returned };
struct Step {
    StepKind kind;
    PyRef value;
};

}  // namespace

PyApp::PyApp(Document* document, QObject* parent)
    : QObject(parent), id_(nextId()), document_(document) {
    appsById()[id_] = this;
}

quint64 PyApp::nextId() {
    static quint64 last = 0;
    return ++last;
}

PyApp::~PyApp() {
    appsById().erase(id_);
    if (currentApp == this) currentApp = nullptr;
}

void PyApp::reportLoopError(py::handle text, py::handle context) {
    const py::object token = py::module_::import("qpanel_runtime").attr("asyncio_owner")(context);
    PyApp* owner = nullptr;
    if (!token.is_none()) {
        const py::object ownerVar = py::module_::import("_qpanel_asyncio").attr("owner_var");
        for (const auto& [id, app] : appsById())
            if (app->context_ && app->context_->attr("get")(ownerVar).is(token)) owner = app;
    }
    if (!owner) {
        std::fprintf(stderr, "%s\n", py::str(text).cast<std::string>().c_str());
        return;
    }
    const py::dict details = py::reinterpret_borrow<py::dict>(context);
    py::object message = py::str("asyncio error");
    py::object exception = py::none();
    if (details.contains("message")) message = details["message"];
    if (details.contains("exception")) exception = details["exception"];
    const QString what = QString::fromStdString(py::str(message).cast<std::string>());
    if (exception.is_none()) {
        owner->report(PythonError(what, {}, {}, {}, false), {});
        return;
    }
    const PythonError error = python::describe(exception, owner->folder_);
    owner->report(
        PythonError(QStringLiteral("%1: %2").arg(what, QString::fromUtf8(error.what())),
                    error.location(), error.stack(), error.exception(), error.isSystemExit()),
        {});
}

PyApp* PyApp::current() {
    return currentApp;
}

PyApp* PyApp::ofRunningCode() {
    if (currentApp) return currentApp;
    const py::object owner = asyncioCurrentOwner();
    if (!py::isinstance<py::int_>(owner)) return nullptr;
    const auto found = appsById().find(owner.cast<quint64>());
    return found == appsById().end() ? nullptr : found->second;
}

namespace {

/// The app an owner token of asyncioloop.py names (its `owner`: the app's
/// id); the last token is remembered, as consecutive calls are mostly one app's.
PyApp* appOfToken(PyObject* token) {
    static PyObject* lastToken = nullptr;  // a strong reference
    static quint64 lastId = 0;
    if (token == Py_None) return nullptr;
    if (token != lastToken) {
        PyObject* owner = PyObject_GetAttrString(token, "owner");
        const quint64 id = owner && PyLong_Check(owner) ? PyLong_AsUnsignedLongLong(owner) : 0;
        Py_XDECREF(owner);
        if (PyErr_Occurred()) PyErr_WriteUnraisable(token);  // not a token: no app
        Py_XSETREF(lastToken, Py_NewRef(token));
        lastId = id;
    }
    const auto found = appsById().find(lastId);
    return found == appsById().end() ? nullptr : found->second;
}

}  // namespace

void PyApp::dispatchLoopCall(PyObject* ownerToken, void (*body)(void*), void* data) {
    PyWatchdog::Entry entry(PyWatchdog::instance());
    PyApp* app = appOfToken(ownerToken);
    if (!app) return body(data);
    PyApp* previous = std::exchange(currentApp, app);
    Document::Scope scope(app->document());
    body(data);
    currentApp = previous;
}

PyApp& PyApp::require(const char* what) {
    if (!currentApp)
        throw std::runtime_error(std::string(what) +
                                 ": no qpanel app is running (call it from an app script)");
    return *currentApp;
}

PyApp::Enter::Enter(PyApp* app)
    : entry_(PyWatchdog::instance()),
      previous_(currentApp),
      scope_(app ? app->document() : Document::current()),
      app_(app) {
    currentApp = app;
    // The outermost entry runs the app's code in its Context, so what that
    // code schedules on the loop is the app's (cancelled when it closes, and
    // counted while it is pending: asyncioloop.h).
    if (!app || !app->context_ || app->inContext_) return;
    PyObject* context = app->context_->ptr();
    if (PyContext_Enter(context) != 0) {
        PyErr_Print();  // not expected: that Context is entered only here
        return;
    }
    entered_ = Py_NewRef(context);
    app->inContext_ = true;
}

PyApp::Enter::~Enter() {
    currentApp = previous_;
    if (!entered_) return;
    if (PyContext_Exit(entered_) != 0) PyErr_Print();
    Py_DECREF(entered_);
    if (app_) app_->inContext_ = false;
}

PythonError PyApp::describe(py::error_already_set& error) const {
    return python::describe(error, folder_);
}

PyRef PyApp::call(const PyRef& fn, const PyRef& args) {
    Enter enter(this);
    PyObject* result = PyObject_Call(fn->ptr(), args ? args->ptr() : py::tuple().ptr(), nullptr);
    if (!result) {
        py::error_already_set error;
        throw describe(error);
    }
    return share(py::reinterpret_steal<py::object>(result));
}

bool PyApp::isAwaitable(const PyRef& value) {
    py::gil_scoped_acquire gil;
    return PyCoro_CheckExact(value->ptr()) || py::hasattr(*value, "__await__");
}

quint64 PyApp::spawn(PyRef fn, PyRef args, const QString& origin, bool withLock,
                     std::shared_ptr<PolicyState> policy) {
    QPointer<PyApp> self(this);
    return Runtime::instance().spawn([self, fn = std::move(fn), args = std::move(args),
                                      withLock]() { return runCall(self, fn, args, withLock); },
                                     SpawnOptions{origin, document_.data(), std::move(policy), {}});
}

QCoro::Task<> PyApp::runCall(QPointer<PyApp> app, PyRef fn, PyRef args, bool withLock) {
    Document::LockGuard guard;
    if (withLock && app && app->document()) guard = co_await app->document()->lock();
    if (!app) co_return;
    try {
        PyRef result = app->call(fn, args);
        if (app->isAwaitable(result)) co_await app->drive(std::move(result));
    } catch (const PythonError& error) {
        if (!error.isSystemExit() || !app) throw;
        app->report(error, {});
    }
}

namespace {

/// One resumption of the coroutine: send None, or throw `exception` in.
/// Returns what it yielded or returned; a raised exception propagates.
Step step(PyApp* app, DriveState& state, const PyRef& handle, PyRef exception) {
    PyApp::Enter enter(app);
    // asyncio.current_task() names this task while its code runs. Set in
    // asyncio's table directly: a task's step may run inside another's
    // (a watcher spawning a task), which _enter_task refuses.
    static py::dict& current =
        *new py::dict(py::module_::import("asyncio.tasks").attr("_current_tasks"));
    py::object loop = state.loop ? *state.loop : py::none();
    py::object previous = loop.is_none() ? py::none() : current.attr("get")(loop);
    if (!loop.is_none()) current[loop] = *handle;
    auto restore = [&] {
        if (loop.is_none()) return;
        if (previous.is_none())
            current.attr("pop")(loop, py::none());
        else
            current[loop] = previous;
    };
    PyObject* out = nullptr;
    PySendResult result;
    PyObject* coroutine = state.coroutine->ptr();
    if (!exception && state.cancelPending) {
        state.cancelPending = false;
        exception = share(py::module_::import("asyncio").attr("CancelledError")());
    }
    if (exception) {
        out = PyObject_CallMethod(coroutine, "throw", "O", exception->ptr());
        if (out) {
            result = PYGEN_NEXT;
        } else if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
            PyObject *type, *value, *trace;
            PyErr_Fetch(&type, &value, &trace);
            PyErr_NormalizeException(&type, &value, &trace);
            out = value ? PyObject_GetAttrString(value, "value") : Py_NewRef(Py_None);
            Py_XDECREF(type);
            Py_XDECREF(value);
            Py_XDECREF(trace);
            result = PYGEN_RETURN;
        } else {
            result = PYGEN_ERROR;
        }
    } else {
        result = PyIter_Send(coroutine, Py_None, &out);
    }
    if (result == PYGEN_ERROR) {
        py::error_already_set error;  // fetched before leaving the task
        restore();
        state.done = true;
        if (error.matches(py::module_::import("asyncio").attr("CancelledError"))) {
            state.cancelled = true;
            throw TaskCancelled();
        }
        throw app->describe(error);
    }
    restore();
    if (result == PYGEN_RETURN) state.done = true;
    return {result == PYGEN_RETURN ? StepKind::Returned : StepKind::Yielded,
            share(py::reinterpret_steal<py::object>(out))};
}

}  // namespace

QCoro::Task<PyRef> PyApp::drive(PyRef awaitable) {
    auto state = std::make_shared<DriveState>();
    PyRef handle;
    {
        Enter enter(this);
        py::object coroutine = *awaitable;
        if (!PyCoro_CheckExact(coroutine.ptr()) && !PyGen_Check(coroutine.ptr()))
            coroutine = coroutine.attr("__await__")();
        state->coroutine = share(coroutine);
        state->loop = loop_;
        TaskRecord* task = currentTask();
        state->name = task ? task->origin : QStringLiteral("qpanel task");
        handle = share(py::cast(TaskHandle{state}));
    }
    QPointer<PyApp> self(this);
    PyRef exception;
    bool cancelDelivered = false;
    for (;;) {
        if (!self) throw TaskCancelled();
        const Step next = step(this, *state, handle, std::exchange(exception, {}));
        if (next.kind == StepKind::Returned) co_return next.value;
        bool cancelled = false;
        bool bare = false;
        {
            py::gil_scoped_acquire gil;
            py::object yielded = *next.value;
            if (yielded.is_none()) {
                bare = true;  // `await asyncio.sleep(0)`: a plain yield to the loop
            } else if (py::hasattr(yielded, "_asyncio_future_blocking") &&
                       yielded.attr("_asyncio_future_blocking").cast<bool>()) {
                yielded.attr("_asyncio_future_blocking") = false;
                state->waiting = next.value;
            } else {
                exception =
                    share(py::module_::import("builtins")
                              .attr("RuntimeError")(py::str("a qpanel task got a bad yield: {!r} "
                                                            "(await asyncio futures or coroutines)")
                                                        .format(yielded)));
                continue;
            }
        }
        try {
            if (bare)
                co_await qpanel::yield();
            else
                co_await FutureAwaiter(next.value);
        } catch (const TaskCancelled&) {
            cancelled = true;
        }
        if (!cancelled) {
            state->waiting.reset();
            continue;
        }
        // Cancelled (Tasks dock, reload, exclusive): CancelledError at the
        // current await, once; a coroutine that awaits again is closed.
        if (!self) throw TaskCancelled();
        Enter enter(this);
        if (cancelDelivered) {
            state->coroutine->attr("close")();
            state->done = state->cancelled = true;
            throw TaskCancelled();
        }
        cancelDelivered = true;
        if (state->waiting) state->waiting->attr("cancel")();
        state->waiting.reset();
        exception = share(py::module_::import("asyncio").attr("CancelledError")());
    }
}

void PyApp::report(const PythonError& error, const QString& origin) {
    if (error.isSystemExit()) {
        emit exitRequested(QString::fromUtf8(error.what()), error.location().toString());
        return;
    }
    ErrorReport report;
    report.message = QString::fromUtf8(error.what());
    report.origin = origin;
    report.location = error.location();
    report.stack = error.stack();
    report.owner = document_.data();
    Runtime::instance().report(std::move(report));
}

void PyApp::write(bool error, const QString& text) {
    QString& pending = pending_[error ? 1 : 0];
    pending += text;
    qsizetype newline;
    while ((newline = pending.indexOf(QLatin1Char('\n'))) >= 0) {
        emit messageLogged(error ? QStringLiteral("error") : QStringLiteral("info"),
                           pending.left(newline));
        pending.remove(0, newline + 1);
    }
}

void PyApp::warnOnce(const QString& key, const QString& text) {
    if (warned_.contains(key)) return;
    warned_.insert(key);
    emit messageLogged(QStringLiteral("warn"), text);
}

}  // namespace qpanel::python
