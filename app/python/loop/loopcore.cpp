#include "loopcore.h"

#include <QCoreApplication>
#include <QEvent>
#include <QPointer>
#include <QSocketNotifier>
#include <chrono>
#include <cmath>
#include <deque>
#include <mutex>
#include <new>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/scheduler.h"
#include "loopinternal.h"

namespace qpanel::python::detail {

namespace {

using Clock = qpanel::Scheduler::Clock;

const QEvent::Type kWakeEvent = QEvent::Type(QEvent::registerEventType());

PyTypeObject* g_handleType = nullptr;
PyTypeObject* g_timerHandleType = nullptr;
// The ContextVar naming an app's owner token (see asyncioloop.h) and how many
// tokens were closed: while none was, handles skip the owner lookup.
PyObject* g_ownerVar = nullptr;
Py_ssize_t g_closedOwners = 0;
DispatchHook g_dispatchHook = nullptr;

struct HandleObject;

/// A timer handle's place in core's Scheduler heap. It is no coroutine: when
/// its deadline passes it moves its handle to the ready queue, as asyncio
/// moves expired timers to `_ready`.
class TimerWaiter final : public qpanel::Suspension {
public:
    bool detach() noexcept override;
    void wake() override;

    HandleObject* handle = nullptr;
    qpanel::Scheduler::Ticket ticket;
};

struct HandleObject {
    PyObject_HEAD PyObject* callback;
    PyObject* args;  // a tuple
    PyObject* context;
    LoopObject* loop;
    double when;
    bool cancelled;
    bool inTimers;  // parked in the Scheduler; the loop's timer set holds a reference
    TimerWaiter waiter;
};

double now() {
    return std::chrono::duration<double>(Clock::now().time_since_epoch()).count();
}

}  // namespace

/// The ready queue holds Handles and Tasks (a Task is its own entry when its
/// step is due: no Handle per step).
class LoopState : public QObject {
public:
    explicit LoopState(LoopObject* loop) : loop_(loop), scheduler_(&qpanel::Scheduler::current()) {}

    /// Drops every reference into Python (GIL held), then lets Qt delete
    /// this once no event of it is on the stack.
    void release();

    void pushReady(PyObject* entry) {  // steals the reference
        ready_.push_back(entry);
        postDrain();
    }
    void pushFromThread(HandleObject* handle);
    bool schedule(HandleObject* handle);
    void unschedule(HandleObject* handle);
    void timerFired(HandleObject* handle) {
        handle->inTimers = false;
        timers_.erase(handle);
        pushReady(reinterpret_cast<PyObject*>(handle));
    }
    void watchFd(int fd, int mask);
    PyObject* pendingHandles() const;
    Py_ssize_t runQueuedSteps(PyObject* predicate);
    std::size_t readyCount() const { return ready_.size(); }
    std::size_t timerCount() const { return timers_.size(); }

protected:
    bool event(QEvent* event) override;
    void timerEvent(QTimerEvent* event) override;

private:
    struct FdNotifiers {
        QSocketNotifier* read = nullptr;
        QSocketNotifier* write = nullptr;
    };

    void postDrain();
    void drain();
    void setNotifier(QSocketNotifier*& notifier, int fd, QSocketNotifier::Type type, bool on);
    void fdReady(int fd, int mask);

    LoopObject* loop_;
    QPointer<qpanel::Scheduler> scheduler_;
    std::deque<PyObject*> ready_;
    std::unordered_set<HandleObject*> timers_;
    std::unordered_map<int, FdNotifiers> fds_;
    int drainTimer_ = 0;  // a zero timer: the next pass of the ready queue
    bool draining_ = false;
    std::mutex incomingMutex_;
    std::vector<HandleObject*> incoming_;
    bool wakePosted_ = false;
};

namespace {

bool TimerWaiter::detach() noexcept {
    // Never parked on a core task, so the task registry never calls this;
    // Handle.cancel() withdraws the ticket itself.
    return true;
}

void TimerWaiter::wake() {
    // Runs from the Scheduler's QTimer, maybe without the GIL: it only moves
    // a pointer (the reference goes from the timer set to the ready queue).
    handle->loop->state->timerFired(handle);
}

// ---- handles -------------------------------------------------------------

}  // namespace

void setDispatchHook(DispatchHook hook) {
    g_dispatchHook = hook;
}

void dispatchEntry(void (*body)(void*), void* data) {
    PyObject* token = nullptr;
    if (!g_dispatchHook) return body(data);
    if (!g_ownerVar || PyContextVar_Get(g_ownerVar, Py_None, &token) < 0) {
        PyErr_Clear();  // no owner known: the call still runs, timed
        token = Py_NewRef(Py_None);
    }
    g_dispatchHook(token, body, data);
    Py_DECREF(token);
}

bool contextOfClosedOwner(PyObject* context) {
    if (g_closedOwners == 0 || !g_ownerVar || !context) return false;
    PyObject* token = PyObject_CallMethod(context, "get", "O", g_ownerVar);
    if (!token) {
        PyErr_WriteUnraisable(context);
        return false;
    }
    bool closed = false;
    if (token != Py_None) {
        PyObject* flag = PyObject_GetAttrString(token, "closed");
        if (flag) closed = PyObject_IsTrue(flag) == 1;
        Py_XDECREF(flag);
        PyErr_Clear();
    }
    Py_DECREF(token);
    return closed;
}

void loopReportError(LoopObject* loop, PyObject* source) {
    PyObject *type, *value, *traceback;
    PyErr_Fetch(&type, &value, &traceback);
    PyErr_NormalizeException(&type, &value, &traceback);
    if (traceback) PyException_SetTraceback(value, traceback);
    PyObject* result = loop ? PyObject_CallMethod(reinterpret_cast<PyObject*>(loop),
                                                  "_qpanel_callback_error", "OO", source, value)
                            : nullptr;
    if (!result) PyErr_WriteUnraisable(source);
    Py_XDECREF(result);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(traceback);
}

namespace {

void reportCallbackError(HandleObject* h) {
    loopReportError(h->loop, reinterpret_cast<PyObject*>(h));
}

void runHandle(HandleObject* h) {
    if (!h->callback) return;
    PyObject* callback = h->callback;
    PyObject* args = h->args;
    PyObject* context = h->context;
    // The callback may cancel (and so clear) its own handle while it runs.
    Py_INCREF(callback);
    Py_INCREF(args);
    Py_INCREF(context);
    if (PyContext_Enter(context) < 0) {
        reportCallbackError(h);
    } else {
        const Py_ssize_t n = PyTuple_GET_SIZE(args);
        PyObject* result = nullptr;
        dispatched([&] {
            result = n == 0   ? PyObject_CallNoArgs(callback)
                     : n == 1 ? PyObject_CallOneArg(callback, PyTuple_GET_ITEM(args, 0))
                              : PyObject_Call(callback, args, nullptr);
        });
        PyObject *type = nullptr, *value = nullptr, *traceback = nullptr;
        if (!result) PyErr_Fetch(&type, &value, &traceback);
        Py_XDECREF(result);
        if (PyContext_Exit(context) < 0) PyErr_WriteUnraisable(context);
        if (type) {
            PyErr_Restore(type, value, traceback);
            reportCallbackError(h);
        }
    }
    Py_DECREF(context);
    Py_DECREF(args);
    Py_DECREF(callback);
}

void handleClearRefs(HandleObject* h) {
    Py_CLEAR(h->callback);
    Py_CLEAR(h->args);
}

void cancelHandle(HandleObject* h) {
    if (h->cancelled) return;
    h->cancelled = true;
    const bool parked = h->inTimers;
    if (parked && h->loop->state) h->loop->state->unschedule(h);
    // As asyncio does: drop what the callback keeps alive at once.
    handleClearRefs(h);
    h->args = PyTuple_New(0);
    if (parked) Py_DECREF(h);  // the timer set's reference
}

PyObject* handleNew(PyTypeObject* type, LoopObject* loop, PyObject* callback, PyObject* args,
                    PyObject* context) {
    auto* h = PyObject_GC_New(HandleObject, type);
    if (!h) return Py_DECREF(args), nullptr;
    new (&h->waiter) TimerWaiter();
    h->waiter.handle = h;
    h->when = 0;
    h->cancelled = false;
    h->inTimers = false;
    h->callback = Py_NewRef(callback);
    h->args = args;  // stolen
    if (context && context != Py_None) {
        h->context = Py_NewRef(context);
    } else {
        h->context = PyContext_CopyCurrent();
        if (!h->context) {
            h->loop = nullptr;
            Py_DECREF(h);
            return nullptr;
        }
    }
    h->loop = reinterpret_cast<LoopObject*>(Py_NewRef(reinterpret_cast<PyObject*>(loop)));
    PyObject_GC_Track(h);
    return reinterpret_cast<PyObject*>(h);
}

int handleTraverse(PyObject* self, visitproc visit, void* arg) {
    auto* h = reinterpret_cast<HandleObject*>(self);
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(h->callback);
    Py_VISIT(h->args);
    Py_VISIT(h->context);
    Py_VISIT(reinterpret_cast<PyObject*>(h->loop));
    return 0;
}

int handleClear(PyObject* self) {
    auto* h = reinterpret_cast<HandleObject*>(self);
    handleClearRefs(h);
    Py_CLEAR(h->context);
    Py_CLEAR(h->loop);
    return 0;
}

void handleDealloc(PyObject* self) {
    auto* h = reinterpret_cast<HandleObject*>(self);
    PyTypeObject* type = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    handleClear(self);
    h->waiter.~TimerWaiter();
    type->tp_free(self);
    Py_DECREF(type);
}

PyObject* handleCancel(PyObject* self, PyObject*) {
    cancelHandle(reinterpret_cast<HandleObject*>(self));
    Py_RETURN_NONE;
}

PyObject* handleCancelled(PyObject* self, PyObject*) {
    return PyBool_FromLong(reinterpret_cast<HandleObject*>(self)->cancelled);
}

PyObject* handleRun(PyObject* self, PyObject*) {
    runHandle(reinterpret_cast<HandleObject*>(self));
    Py_RETURN_NONE;
}

PyObject* handleGetContext(PyObject* self, PyObject*) {
    auto* h = reinterpret_cast<HandleObject*>(self);
    return Py_NewRef(h->context ? h->context : Py_None);
}

PyObject* handleWhen(PyObject* self, PyObject*) {
    return PyFloat_FromDouble(reinterpret_cast<HandleObject*>(self)->when);
}

PyObject* handleGetCallback(PyObject* self, void*) {
    auto* h = reinterpret_cast<HandleObject*>(self);
    return Py_NewRef(h->callback ? h->callback : Py_None);
}
PyObject* handleGetArgs(PyObject* self, void*) {
    auto* h = reinterpret_cast<HandleObject*>(self);
    return Py_NewRef(h->cancelled || !h->args ? Py_None : h->args);
}
PyObject* handleGetCancelledAttr(PyObject* self, void*) {
    return handleCancelled(self, nullptr);
}
PyObject* handleGetContextAttr(PyObject* self, void*) {
    return handleGetContext(self, nullptr);
}
PyObject* handleGetLoop(PyObject* self, void*) {
    auto* h = reinterpret_cast<HandleObject*>(self);
    return Py_NewRef(h->loop ? reinterpret_cast<PyObject*>(h->loop) : Py_None);
}
PyObject* handleGetWhen(PyObject* self, void*) {
    return handleWhen(self, nullptr);
}
PyObject* handleGetScheduled(PyObject* self, void*) {
    return PyBool_FromLong(reinterpret_cast<HandleObject*>(self)->inTimers);
}

PyObject* handleRepr(PyObject* self) {
    auto* h = reinterpret_cast<HandleObject*>(self);
    const char* kind = Py_TYPE(self) == g_timerHandleType ? "TimerHandle" : "Handle";
    if (h->cancelled) return PyUnicode_FromFormat("<%s cancelled>", kind);
    if (Py_TYPE(self) == g_timerHandleType) {
        PyObject* when = PyFloat_FromDouble(h->when);
        if (!when) return nullptr;
        PyObject* repr = PyUnicode_FromFormat("<%s when=%S %R>", kind, when, h->callback);
        Py_DECREF(when);
        return repr;
    }
    return PyUnicode_FromFormat("<%s %R>", kind, h->callback);
}

PyMethodDef handleMethods[] = {
    {"cancel", handleCancel, METH_NOARGS, "Cancels the callback (it will not run)."},
    {"cancelled", handleCancelled, METH_NOARGS, "True once cancel() was called."},
    {"get_context", handleGetContext, METH_NOARGS, "The contextvars.Context it runs in."},
    {"_run", handleRun, METH_NOARGS, "Runs the callback in its context now."},
    {nullptr, nullptr, 0, nullptr}};

PyGetSetDef handleGetSet[] = {
    {"_callback", handleGetCallback, nullptr, nullptr, nullptr},
    {"_args", handleGetArgs, nullptr, nullptr, nullptr},
    {"_cancelled", handleGetCancelledAttr, nullptr, nullptr, nullptr},
    {"_context", handleGetContextAttr, nullptr, nullptr, nullptr},
    {"_loop", handleGetLoop, nullptr, nullptr, nullptr},
    {"_source_traceback", [](PyObject*, void*) -> PyObject* { Py_RETURN_NONE; }, nullptr, nullptr,
     nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

PyMethodDef timerHandleMethods[] = {
    {"when", handleWhen, METH_NOARGS, "The loop time at which the callback is due."},
    {nullptr, nullptr, 0, nullptr}};

PyGetSetDef timerHandleGetSet[] = {{"_when", handleGetWhen, nullptr, nullptr, nullptr},
                                   {"_scheduled", handleGetScheduled, nullptr, nullptr, nullptr},
                                   {nullptr, nullptr, nullptr, nullptr, nullptr}};

PyType_Slot handleSlots[] = {
    {Py_tp_dealloc, reinterpret_cast<void*>(handleDealloc)},
    {Py_tp_traverse, reinterpret_cast<void*>(handleTraverse)},
    {Py_tp_clear, reinterpret_cast<void*>(handleClear)},
    {Py_tp_repr, reinterpret_cast<void*>(handleRepr)},
    {Py_tp_methods, handleMethods},
    {Py_tp_getset, handleGetSet},
    {Py_tp_doc, const_cast<char*>("A callback queued on qpanel's asyncio loop.")},
    {0, nullptr}};

PyType_Spec handleSpec = {"_qpanel_loop.Handle", sizeof(HandleObject), 0,
                          Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                              Py_TPFLAGS_DISALLOW_INSTANTIATION,
                          handleSlots};

PyType_Slot timerHandleSlots[] = {
    {Py_tp_dealloc, reinterpret_cast<void*>(handleDealloc)},
    {Py_tp_traverse, reinterpret_cast<void*>(handleTraverse)},
    {Py_tp_clear, reinterpret_cast<void*>(handleClear)},
    {Py_tp_methods, timerHandleMethods},
    {Py_tp_getset, timerHandleGetSet},
    {Py_tp_doc, const_cast<char*>("A callback due at a loop time, on core's Scheduler.")},
    {0, nullptr}};

PyType_Spec timerHandleSpec = {
    "_qpanel_loop.TimerHandle", sizeof(HandleObject), 0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION, timerHandleSlots};

}  // namespace

// ---- the loop state ------------------------------------------------------

void LoopState::release() {
    // GIL held. Take everything out first: DECREFs may run arbitrary code.
    std::deque<PyObject*> ready;
    ready.swap(ready_);
    std::vector<HandleObject*> timers(timers_.begin(), timers_.end());
    timers_.clear();
    std::vector<HandleObject*> incoming;
    {
        std::lock_guard lock(incomingMutex_);
        incoming.swap(incoming_);
    }
    for (auto& [fd, notifiers] : fds_) {
        delete notifiers.read;
        delete notifiers.write;
    }
    fds_.clear();
    loop_ = nullptr;
    for (HandleObject* h : timers) {
        if (scheduler_) scheduler_->withdraw(h->waiter.ticket);
        h->inTimers = false;
        Py_DECREF(h);
    }
    for (PyObject* entry : ready) Py_DECREF(entry);
    for (HandleObject* h : incoming) Py_DECREF(h);
    if (QCoreApplication::instance())
        deleteLater();
    else
        delete this;
}

void LoopState::postDrain() {
    // A zero timer rather than a posted event: the next pass comes after
    // Qt's next poll as asyncio's after its select(0), without a posted
    // event's wake-up of the dispatcher (an eventfd written and read per pass).
    if (drainTimer_) return;
    drainTimer_ = startTimer(0);
}

void LoopState::timerEvent(QTimerEvent* event) {
    if (event->timerId() != drainTimer_) return QObject::timerEvent(event);
    killTimer(drainTimer_);
    drainTimer_ = 0;
    drain();
}

void LoopState::pushFromThread(HandleObject* handle) {
    std::lock_guard lock(incomingMutex_);
    incoming_.push_back(handle);
    if (!wakePosted_) {
        wakePosted_ = true;
        QCoreApplication::postEvent(this, new QEvent(kWakeEvent));
    }
}

bool LoopState::event(QEvent* event) {
    if (event->type() == kWakeEvent) {
        std::vector<HandleObject*> incoming;
        {
            std::lock_guard lock(incomingMutex_);
            incoming.swap(incoming_);
            wakePosted_ = false;
        }
        for (HandleObject* h : incoming) ready_.push_back(reinterpret_cast<PyObject*>(h));
        drain();
        return true;
    }
    return QObject::event(event);
}

void LoopState::drain() {
    if (!loop_) return;
    if (draining_) {
        // A nested Qt event loop inside a callback: the outer pass goes on
        // and reposts; running callbacks inside another callback would break
        // asyncio's one-callback-at-a-time rule.
        return;
    }
    const PyGILState_STATE gil = PyGILState_Ensure();
    auto* loop = reinterpret_cast<PyObject*>(loop_);
    Py_INCREF(loop);  // a callback may drop the last other reference
    draining_ = true;
    // Only what was ready before this pass runs now (asyncio's ntodo); what
    // the callbacks queue runs on the next pass, so Qt's events get through.
    std::size_t todo = ready_.size();
    const auto started = Clock::now();
    while (todo-- > 0 && !ready_.empty() && loop_) {
        PyObject* entry = ready_.front();
        ready_.pop_front();
        if (isTask(entry)) {
            taskRunQueued(entry);
        } else {
            auto* h = reinterpret_cast<HandleObject*>(entry);
            if (!h->cancelled && !contextOfClosedOwner(h->context)) runHandle(h);
        }
        Py_DECREF(entry);
        if ((todo & 127) == 0 && Clock::now() - started > qpanel::Scheduler::kPassBudget) break;
    }
    draining_ = false;
    if (loop_ && !ready_.empty()) postDrain();
    Py_DECREF(loop);
    PyGILState_Release(gil);
}

bool LoopState::schedule(HandleObject* h) {
    if (!scheduler_) return false;
    using namespace std::chrono;
    const double when = h->when;
    Clock::time_point deadline;
    // About 30 years out is "never" for a desktop app; beyond that the
    // conversion to the clock's integer ticks would overflow.
    if (!std::isfinite(when) || when > 1e9)
        deadline = Clock::time_point(duration_cast<Clock::duration>(duration<double>(1e9)));
    else
        deadline = Clock::time_point(duration_cast<Clock::duration>(duration<double>(when)));
    h->waiter.ticket = scheduler_->enqueueAt(&h->waiter, deadline);
    h->inTimers = true;
    Py_INCREF(h);
    timers_.insert(h);
    return true;
}

void LoopState::unschedule(HandleObject* h) {
    if (scheduler_) scheduler_->withdraw(h->waiter.ticket);
    timers_.erase(h);
    h->inTimers = false;
}

void LoopState::setNotifier(QSocketNotifier*& notifier, int fd, QSocketNotifier::Type type,
                            bool on) {
    if (on && !notifier) {
        notifier = new QSocketNotifier(fd, type, this);
        const int mask = type == QSocketNotifier::Read ? 1 : 2;
        QObject::connect(notifier, &QSocketNotifier::activated, this,
                         [this, fd, mask] { fdReady(fd, mask); });
    } else if (!on && notifier) {
        // Disabled at once (so it no longer fires and a new notifier for a
        // reused fd does not clash); deleted once its signal is off the stack.
        notifier->setEnabled(false);
        notifier->deleteLater();
        notifier = nullptr;
    }
}

void LoopState::watchFd(int fd, int mask) {
    FdNotifiers& notifiers = fds_[fd];
    setNotifier(notifiers.read, fd, QSocketNotifier::Read, mask & 1);
    setNotifier(notifiers.write, fd, QSocketNotifier::Write, mask & 2);
    if (!mask) fds_.erase(fd);
}

void LoopState::fdReady(int fd, int mask) {
    if (!loop_) return;
    const PyGILState_STATE gil = PyGILState_Ensure();
    auto* loop = reinterpret_cast<PyObject*>(loop_);
    Py_INCREF(loop);
    PyObject* result = nullptr;
    dispatched([&] { result = PyObject_CallMethod(loop, "_qpanel_fd_ready", "ii", fd, mask); });
    if (!result) PyErr_WriteUnraisable(loop);
    Py_XDECREF(result);
    Py_DECREF(loop);
    PyGILState_Release(gil);
}

PyObject* LoopState::pendingHandles() const {
    PyObject* list = PyList_New(0);
    if (!list) return nullptr;
    auto add = [list](HandleObject* h) {
        return PyList_Append(list, reinterpret_cast<PyObject*>(h)) == 0;
    };
    for (PyObject* entry : ready_)
        if (!isTask(entry) && !add(reinterpret_cast<HandleObject*>(entry)))
            return Py_DECREF(list), nullptr;
    for (HandleObject* h : timers_)
        if (!add(h)) return Py_DECREF(list), nullptr;
    return list;
}

Py_ssize_t LoopState::runQueuedSteps(PyObject* predicate) {
    std::vector<PyObject*> due;
    for (PyObject* entry : ready_)
        if (isTask(entry) && taskQueued(entry)) due.push_back(Py_NewRef(entry));
    Py_ssize_t ran = 0;
    for (PyObject*& task : due) {
        PyObject* mine = PyObject_CallOneArg(predicate, taskContext(task));
        const int truth = mine ? PyObject_IsTrue(mine) : -1;
        Py_XDECREF(mine);
        if (truth < 0) {
            for (PyObject* t : due) Py_XDECREF(t);
            return -1;
        }
        if (truth && taskQueued(task)) {
            taskRunQueued(task);
            ++ran;
        }
        Py_CLEAR(task);
    }
    return ran;
}

void loopPushReady(LoopObject* loop, PyObject* entry) {
    if (loop->state)
        loop->state->pushReady(entry);
    else
        Py_DECREF(entry);
}

bool loopCallSoon1(LoopObject* loop, PyObject* callback, PyObject* arg, PyObject* context) {
    PyObject* args = PyTuple_Pack(1, arg);
    if (!args) return false;
    PyObject* h = handleNew(g_handleType, loop, callback, args, context);
    if (!h) return false;
    loopPushReady(loop, h);
    return true;
}

namespace {

// ---- LoopCore --------------------------------------------------------------

LoopObject* asLoop(PyObject* self) {
    return reinterpret_cast<LoopObject*>(self);
}

bool checkUsable(LoopObject* loop, const char* method) {
    if (!loop->state) {
        PyErr_Format(PyExc_RuntimeError, "%s(): qpanel's event loop is closed", method);
        return false;
    }
    if (PyThread_get_thread_ident() != loop->thread) {
        PyErr_Format(PyExc_RuntimeError,
                     "%s(): non-thread-safe operation invoked on qpanel's event loop from "
                     "another thread; use call_soon_threadsafe()",
                     method);
        return false;
    }
    return true;
}

/// Parses (callback, *args, context=None) starting at args[first].
bool parseCallback(PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames, Py_ssize_t first,
                   const char* method, PyObject** callback, PyObject** callArgs,
                   PyObject** context) {
    *context = nullptr;
    if (kwnames) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwnames); ++i) {
            PyObject* name = PyTuple_GET_ITEM(kwnames, i);
            if (PyUnicode_CompareWithASCIIString(name, "context") != 0) {
                PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument %R", method,
                             name);
                return false;
            }
            *context = args[nargs + i];
        }
    }
    if (nargs <= first) {
        PyErr_Format(PyExc_TypeError, "%s() missing the callback argument", method);
        return false;
    }
    *callback = args[first];
    if (!PyCallable_Check(*callback)) {
        PyErr_Format(PyExc_TypeError, "a callable object was expected by %s(), got %R", method,
                     *callback);
        return false;
    }
    *callArgs = PyTuple_New(nargs - first - 1);
    if (!*callArgs) return false;
    for (Py_ssize_t i = first + 1; i < nargs; ++i)
        PyTuple_SET_ITEM(*callArgs, i - first - 1, Py_NewRef(args[i]));
    if (*context == Py_None) *context = nullptr;
    if (*context && !PyContext_CheckExact(*context)) {
        Py_DECREF(*callArgs);
        PyErr_Format(PyExc_TypeError, "%s(): context must be a contextvars.Context, got %R", method,
                     *context);
        return false;
    }
    return true;
}

PyObject* loopCallSoon(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
    LoopObject* loop = asLoop(self);
    if (!checkUsable(loop, "call_soon")) return nullptr;
    PyObject *callback, *callArgs, *context;
    if (!parseCallback(args, nargs, kwnames, 0, "call_soon", &callback, &callArgs, &context))
        return nullptr;
    PyObject* h = handleNew(g_handleType, loop, callback, callArgs, context);
    if (!h) return nullptr;
    loop->state->pushReady(Py_NewRef(h));
    return h;
}

PyObject* loopCallSoonThreadsafe(PyObject* self, PyObject* const* args, Py_ssize_t nargs,
                                 PyObject* kwnames) {
    LoopObject* loop = asLoop(self);
    if (!loop->state) {
        PyErr_SetString(PyExc_RuntimeError,
                        "call_soon_threadsafe(): qpanel's event loop is closed");
        return nullptr;
    }
    PyObject *callback, *callArgs, *context;
    if (!parseCallback(args, nargs, kwnames, 0, "call_soon_threadsafe", &callback, &callArgs,
                       &context))
        return nullptr;
    PyObject* h = handleNew(g_handleType, loop, callback, callArgs, context);
    if (!h) return nullptr;
    auto* handle = reinterpret_cast<HandleObject*>(Py_NewRef(h));
    if (PyThread_get_thread_ident() == loop->thread)
        loop->state->pushReady(reinterpret_cast<PyObject*>(handle));
    else
        loop->state->pushFromThread(handle);
    return h;
}

PyObject* callAt(LoopObject* loop, double when, PyObject* const* args, Py_ssize_t nargs,
                 PyObject* kwnames, const char* method) {
    PyObject *callback, *callArgs, *context;
    if (!parseCallback(args, nargs, kwnames, 1, method, &callback, &callArgs, &context))
        return nullptr;
    PyObject* h = handleNew(g_timerHandleType, loop, callback, callArgs, context);
    if (!h) return nullptr;
    auto* handle = reinterpret_cast<HandleObject*>(h);
    handle->when = when;
    if (!loop->state->schedule(handle)) {
        Py_DECREF(h);
        PyErr_Format(PyExc_RuntimeError, "%s(): core's scheduler is gone (application exiting)",
                     method);
        return nullptr;
    }
    return h;
}

PyObject* loopCallAt(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
    LoopObject* loop = asLoop(self);
    if (!checkUsable(loop, "call_at")) return nullptr;
    if (nargs < 1 || args[0] == Py_None) {
        PyErr_SetString(PyExc_TypeError, "call_at(): when cannot be None");
        return nullptr;
    }
    const double when = PyFloat_AsDouble(args[0]);
    if (when == -1.0 && PyErr_Occurred()) return nullptr;
    return callAt(loop, when, args, nargs, kwnames, "call_at");
}

PyObject* loopCallLater(PyObject* self, PyObject* const* args, Py_ssize_t nargs,
                        PyObject* kwnames) {
    LoopObject* loop = asLoop(self);
    if (!checkUsable(loop, "call_later")) return nullptr;
    if (nargs < 1 || args[0] == Py_None) {
        PyErr_SetString(PyExc_TypeError, "call_later(): delay must not be None");
        return nullptr;
    }
    const double delay = PyFloat_AsDouble(args[0]);
    if (delay == -1.0 && PyErr_Occurred()) return nullptr;
    return callAt(loop, now() + delay, args, nargs, kwnames, "call_later");
}

/// loop.create_task(coro, *, name=None, context=None) without the two Python
/// frames of asyncio's version, returning qpanel's C Task (looptask.cpp); the
/// owner token (asyncioloop.h) is recorded only when there is one. A task
/// factory or debug mode take the Python path (_qpanel_create_task_slow).
PyObject* loopCreateTask(PyObject* self, PyObject* const* args, Py_ssize_t nargs,
                         PyObject* kwnames) {
    LoopObject* loop = asLoop(self);
    if (!checkUsable(loop, "create_task")) return nullptr;
    static PyObject* factoryName = PyUnicode_InternFromString("_task_factory");
    static PyObject* debugName = PyUnicode_InternFromString("_debug");
    PyObject* factory = PyObject_GetAttr(self, factoryName);
    if (!factory) return nullptr;
    PyObject* debug = PyObject_GetAttr(self, debugName);
    if (!debug) return Py_DECREF(factory), nullptr;
    bool slow = factory != Py_None || PyObject_IsTrue(debug) == 1 || nargs != 1;
    Py_DECREF(factory);
    Py_DECREF(debug);
    PyObject* name = Py_None;
    PyObject* context = Py_None;
    for (Py_ssize_t i = 0; kwnames && i < PyTuple_GET_SIZE(kwnames); ++i) {
        PyObject* key = PyTuple_GET_ITEM(kwnames, i);
        if (PyUnicode_CompareWithASCIIString(key, "name") == 0)
            name = args[nargs + i];
        else if (PyUnicode_CompareWithASCIIString(key, "context") == 0)
            context = args[nargs + i];
        else
            slow = true;  // asyncio's version raises the TypeError
    }
    if (slow) {
        PyObject* method = PyObject_GetAttrString(self, "_qpanel_create_task_slow");
        if (!method) return nullptr;
        PyObject* result = PyObject_Vectorcall(method, args, size_t(nargs), kwnames);
        Py_DECREF(method);
        return result;
    }
    if (context != Py_None && !PyContext_CheckExact(context)) {
        PyErr_Format(PyExc_TypeError,
                     "create_task(): context must be a contextvars.Context, got %R", context);
        return nullptr;
    }
    PyObject* task = taskNew(loop, args[0], name, context);
    if (!task || !g_ownerVar) return task;
    PyObject* token = nullptr;
    if (context == Py_None) {
        if (PyContextVar_Get(g_ownerVar, Py_None, &token) < 0) return Py_DECREF(task), nullptr;
    } else {
        token = PyObject_CallMethod(context, "get", "O", g_ownerVar);
        if (!token) return Py_DECREF(task), nullptr;
    }
    // Kept on the task, not in a Python WeakKeyDictionary: that cost a
    // quarter of an app's task (a weakref and its callback each).
    if (token != Py_None) taskSetOwner(task, token);
    Py_DECREF(token);
    return task;
}

PyObject* loopTime(PyObject*, PyObject*) {
    return PyFloat_FromDouble(now());
}

PyObject* loopWatchFd(PyObject* self, PyObject* args) {
    int fd, mask;
    if (!PyArg_ParseTuple(args, "ii:_watch_fd", &fd, &mask)) return nullptr;
    LoopObject* loop = asLoop(self);
    if (!checkUsable(loop, "_watch_fd")) return nullptr;
    loop->state->watchFd(fd, mask);
    Py_RETURN_NONE;
}

PyObject* loopPendingHandles(PyObject* self, PyObject*) {
    LoopObject* loop = asLoop(self);
    if (!loop->state) return PyList_New(0);
    return loop->state->pendingHandles();
}

PyObject* loopPendingTasksMethod(PyObject* self, PyObject* args) {
    PyObject* owner = Py_None;
    if (!PyArg_ParseTuple(args, "|O:_pending_tasks", &owner)) return nullptr;
    return loopPendingTasks(asLoop(self), owner == Py_None ? nullptr : owner);
}

PyObject* loopHasPendingTaskMethod(PyObject* self, PyObject* owner) {
    return PyBool_FromLong(loopHasPendingTask(asLoop(self), owner));
}

PyObject* loopRunQueuedSteps(PyObject* self, PyObject* predicate) {
    LoopObject* loop = asLoop(self);
    if (!loop->state) return PyLong_FromLong(0);
    const Py_ssize_t ran = loop->state->runQueuedSteps(predicate);
    return ran < 0 ? nullptr : PyLong_FromSsize_t(ran);
}

PyObject* loopCounts(PyObject* self, PyObject*) {
    LoopObject* loop = asLoop(self);
    if (!loop->state) return Py_BuildValue("(nn)", Py_ssize_t(0), Py_ssize_t(0));
    return Py_BuildValue("(nn)", Py_ssize_t(loop->state->readyCount()),
                         Py_ssize_t(loop->state->timerCount()));
}

PyObject* loopReleaseCore(PyObject* self, PyObject*) {
    LoopObject* loop = asLoop(self);
    if (LoopState* state = loop->state) {
        loop->state = nullptr;
        state->release();
    }
    Py_RETURN_NONE;
}

PyObject* loopNew(PyTypeObject* type, PyObject*, PyObject*) {
    if (!QCoreApplication::instance()) {
        PyErr_SetString(PyExc_RuntimeError,
                        "qpanel's asyncio loop needs a QCoreApplication on this thread");
        return nullptr;
    }
    PyObject* self = type->tp_alloc(type, 0);
    if (!self) return nullptr;
    LoopObject* loop = asLoop(self);
    loop->thread = PyThread_get_thread_ident();
    loop->tasks = nullptr;
    loop->state = new LoopState(loop);
    return self;
}

void loopDealloc(PyObject* self) {
    PyTypeObject* type = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    loopReleaseCore(self, nullptr);
    type->tp_free(self);
    Py_DECREF(type);
}

int loopTraverse(PyObject* self, visitproc visit, void* arg) {
    Py_VISIT(Py_TYPE(self));
    return 0;
}

PyMethodDef loopMethods[] = {
    {"call_soon", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(loopCallSoon)),
     METH_FASTCALL | METH_KEYWORDS, "call_soon(callback, *args, context=None) -> Handle"},
    {"call_soon_threadsafe",
     reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(loopCallSoonThreadsafe)),
     METH_FASTCALL | METH_KEYWORDS,
     "call_soon_threadsafe(callback, *args, context=None) -> Handle; from any thread"},
    {"call_later", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(loopCallLater)),
     METH_FASTCALL | METH_KEYWORDS, "call_later(delay, callback, *args, context=None)"},
    {"call_at", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(loopCallAt)),
     METH_FASTCALL | METH_KEYWORDS, "call_at(when, callback, *args, context=None)"},
    {"create_task", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(loopCreateTask)),
     METH_FASTCALL | METH_KEYWORDS, "create_task(coro, *, name=None, context=None) -> Task"},
    {"time", loopTime, METH_NOARGS, "The loop's monotonic clock, in seconds."},
    {"_watch_fd", loopWatchFd, METH_VARARGS,
     "_watch_fd(fd, mask): QSocketNotifiers for EVENT_READ (1) / EVENT_WRITE (2); 0 drops"},
    {"_pending_handles", loopPendingHandles, METH_NOARGS, "Ready and timer handles, a list."},
    {"_pending_tasks", loopPendingTasksMethod, METH_VARARGS,
     "_pending_tasks(owner=None): the loop's pending Tasks of qpanel's type, oldest first, "
     "only owner's if given (asyncio.all_tasks() adds them)."},
    {"_has_pending_task", loopHasPendingTaskMethod, METH_O,
     "_has_pending_task(owner): whether a pending Task of qpanel's type is owner's."},
    {"_run_queued_steps", loopRunQueuedSteps, METH_O,
     "_run_queued_steps(predicate): runs now the due steps of the Tasks whose context "
     "satisfies predicate(context); returns how many ran."},
    {"_core_counts", loopCounts, METH_NOARGS, "(ready handles, timer handles)"},
    {"_release_core", loopReleaseCore, METH_NOARGS,
     "Drops every queued handle and notifier; the loop is unusable afterwards."},
    {nullptr, nullptr, 0, nullptr}};

PyType_Slot loopSlots[] = {
    {Py_tp_new, reinterpret_cast<void*>(loopNew)},
    {Py_tp_dealloc, reinterpret_cast<void*>(loopDealloc)},
    {Py_tp_traverse, reinterpret_cast<void*>(loopTraverse)},
    {Py_tp_methods, loopMethods},
    {Py_tp_doc, const_cast<char*>("The C++ half of qpanel's asyncio loop (see asyncioloop.py).")},
    {0, nullptr}};

PyType_Spec loopSpec = {"_qpanel_loop.LoopCore", sizeof(LoopObject), 0,
                        Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC, loopSlots};

// ---- module ----------------------------------------------------------------

PyObject* moduleSetOwnerVar(PyObject*, PyObject* var) {
    Py_XSETREF(g_ownerVar, Py_NewRef(var));
    Py_RETURN_NONE;
}

PyObject* moduleOwnerClosed(PyObject*, PyObject*) {
    ++g_closedOwners;
    Py_RETURN_NONE;
}

PyMethodDef moduleMethods[] = {
    {"_set_owner_var", moduleSetOwnerVar, METH_O,
     "The ContextVar whose token (with a `closed` attribute) marks an app's handles."},
    {"_owner_closed", moduleOwnerClosed, METH_NOARGS,
     "Counts a closed owner token: from now on handles are checked before they run."},
    {nullptr, nullptr, 0, nullptr}};

PyModuleDef moduleDef = {PyModuleDef_HEAD_INIT,
                         "_qpanel_loop",
                         "C++ core of qpanel's asyncio event loop on the Qt event loop.",
                         -1,
                         moduleMethods,
                         nullptr,
                         nullptr,
                         nullptr,
                         nullptr};

}  // namespace

PyObject* createLoopCoreModule() {
    PyObject* module = PyModule_Create(&moduleDef);
    if (!module) return nullptr;
    auto* handleType = reinterpret_cast<PyTypeObject*>(PyType_FromSpec(&handleSpec));
    if (!handleType) return Py_DECREF(module), nullptr;
    auto* timerType = reinterpret_cast<PyTypeObject*>(
        PyType_FromSpecWithBases(&timerHandleSpec, reinterpret_cast<PyObject*>(handleType)));
    auto* loopType = reinterpret_cast<PyTypeObject*>(PyType_FromSpec(&loopSpec));
    if (!timerType || !loopType || !addTaskType(module) ||
        PyModule_AddObjectRef(module, "Handle", (PyObject*)handleType) ||
        PyModule_AddObjectRef(module, "TimerHandle", (PyObject*)timerType) ||
        PyModule_AddObjectRef(module, "LoopCore", (PyObject*)loopType)) {
        Py_XDECREF(handleType);
        Py_XDECREF(timerType);
        Py_XDECREF(loopType);
        Py_DECREF(module);
        return nullptr;
    }
    // The types live as long as the process (the loop is process-wide).
    g_handleType = handleType;
    g_timerHandleType = timerType;
    Py_DECREF(loopType);
    return module;
}

}  // namespace qpanel::python::detail
