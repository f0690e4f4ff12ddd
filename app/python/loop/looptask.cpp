// qpanel's asyncio Task, in C: what LoopCore.create_task returns.
//
// It is asyncio.Task's behaviour (tasks.py / _asynciomodule.c of 3.11) with
// three costs removed: no Python WeakSet registration per task (the loop
// keeps an intrusive list of its pending tasks; asyncio.all_tasks() reads it,
// see asyncioloop.py), no step wrapper and Handle per step (the task itself
// is the ready-queue entry), and awaiting another of these tasks registers
// the wake-up without a bound method. Futures of other types (asyncio.Future
// from loop.create_future()) are awaited through the ordinary protocol:
// _asyncio_future_blocking and add_done_callback(wakeup, context=).

#include <vector>

#include "loopinternal.h"
// After Python.h (through loopinternal.h).
#include <structmember.h>

namespace qpanel::python::detail {

namespace {

enum class State : unsigned char { Pending, Cancelled, Finished };

struct Callback {
    PyObject* fn;       // a waiting Task when context is null (its wake-up)
    PyObject* context;  // null: fn is a TaskObject to wake
};

}  // namespace

struct TaskObject;
bool taskCancel(TaskObject* t, PyObject* msg);

struct TaskObject {
    PyObject_HEAD PyObject* dict;
    PyObject* weakrefs;
    LoopObject* loop;
    PyObject* coro;
    PyObject* context;
    PyObject* owner;  // the app's owner token (asyncioloop.py), or null
    PyObject* name;   // null: "Task-<number>", made when asked for
    unsigned long long number;
    PyObject* result;
    PyObject* exception;
    PyObject* exceptionTb;
    PyObject* cancelMsg;
    PyObject* cancelledExc;
    PyObject* futWaiter;
    PyObject* wakeFn;    // bound wake-up for futures of other types, made once
    PyObject* stepExc;   // what the queued step throws in
    PyObject* wakeFrom;  // the queued step is a wake-up by this (done) future
    std::vector<Callback> callbacks;
    int cancelsRequested;
    State state;
    bool blocking;
    bool logTb;
    bool logDestroyPending;
    bool mustCancel;
    bool queued;
    TaskObject* prev;
    TaskObject* next;
};

namespace {

PyTypeObject* g_taskType = nullptr;
PyTypeObject* g_iterType = nullptr;
PyObject* g_cancelledError = nullptr;
PyObject* g_invalidStateError = nullptr;
PyObject* g_currentTasks = nullptr;  // asyncio.tasks._current_tasks
PyObject* g_iscoroutine = nullptr;   // asyncio.coroutines.iscoroutine
PyObject* g_baseTasks = nullptr;     // asyncio.base_tasks
unsigned long long g_taskCounter = 0;
PyObject* g_strBlocking = nullptr;
PyObject* g_strAddDoneCallback = nullptr;
PyObject* g_strThrow = nullptr;
PyObject* g_strCancel = nullptr;

TaskObject* asTask(PyObject* o) {
    return reinterpret_cast<TaskObject*>(o);
}
PyObject* asObject(TaskObject* t) {
    return reinterpret_cast<PyObject*>(t);
}

// ---- the loop's list of pending tasks ----------------------------------------

void link(TaskObject* t) {
    LoopObject* loop = t->loop;
    t->prev = nullptr;
    t->next = loop->tasks;
    if (loop->tasks) loop->tasks->prev = t;
    loop->tasks = t;
}

void unlink(TaskObject* t) {
    if (!t->loop) return;
    if (t->prev)
        t->prev->next = t->next;
    else if (t->loop->tasks == t)
        t->loop->tasks = t->next;
    else
        return;  // not linked
    if (t->next) t->next->prev = t->prev;
    t->prev = t->next = nullptr;
}

// ---- Future behaviour --------------------------------------------------------

void scheduleCallbacks(TaskObject* t) {
    std::vector<Callback> callbacks;
    callbacks.swap(t->callbacks);
    for (std::size_t i = 0; i < callbacks.size(); ++i) {
        Callback& cb = callbacks[i];
        if (!cb.context) {
            TaskObject* waiter = asTask(cb.fn);
            waiter->queued = true;
            Py_XSETREF(waiter->wakeFrom, Py_NewRef(asObject(t)));
            Py_CLEAR(waiter->stepExc);
            loopPushReady(waiter->loop, cb.fn);  // the callback's reference
            continue;
        }
        if (!loopCallSoon1(t->loop, cb.fn, asObject(t), cb.context))
            loopReportError(t->loop, asObject(t));
        Py_DECREF(cb.fn);
        Py_DECREF(cb.context);
    }
}

void finish(TaskObject* t, State state) {
    t->state = state;
    unlink(t);
    scheduleCallbacks(t);
    // The bound wake-up refers to the task: kept past the end, it is a cycle
    // that only the garbage collector breaks, so a finished task nobody holds
    // (and its "exception was never retrieved") would outlive its last use.
    // The caller still holds the task, so this never frees it here.
    Py_CLEAR(t->wakeFn);
}

bool futureCancel(TaskObject* t, PyObject* msg) {
    t->logTb = false;
    if (t->state != State::Pending) return false;
    Py_XSETREF(t->cancelMsg, Py_XNewRef(msg == Py_None ? nullptr : msg));
    finish(t, State::Cancelled);
    return true;
}

/// asyncio's Future._make_cancelled_error: the CancelledError the coroutine
/// raised if there was one (once), else a new one with the message.
PyObject* makeCancelledError(TaskObject* t) {
    if (t->cancelledExc) {
        PyObject* exc = t->cancelledExc;
        t->cancelledExc = nullptr;
        return exc;
    }
    return t->cancelMsg ? PyObject_CallOneArg(g_cancelledError, t->cancelMsg)
                        : PyObject_CallNoArgs(g_cancelledError);
}

void raiseCancelled(TaskObject* t) {
    PyObject* exc = makeCancelledError(t);
    if (!exc) return;
    PyErr_SetObject(g_cancelledError, exc);
    Py_DECREF(exc);
}

/// result(): a new reference, or null with the task's exception raised.
PyObject* futureResult(TaskObject* t) {
    if (t->state == State::Cancelled) return raiseCancelled(t), nullptr;
    if (t->state == State::Pending) {
        PyErr_SetString(g_invalidStateError, "Result is not set.");
        return nullptr;
    }
    t->logTb = false;
    if (t->exception) {
        PyErr_Restore(Py_NewRef(reinterpret_cast<PyObject*>(Py_TYPE(t->exception))),
                      Py_NewRef(t->exception), Py_XNewRef(t->exceptionTb));
        return nullptr;
    }
    return Py_NewRef(t->result ? t->result : Py_None);
}

bool addCallback(TaskObject* t, PyObject* fn, PyObject* context) {
    if (t->state != State::Pending) {
        if (context) return loopCallSoon1(t->loop, fn, asObject(t), context);
        PyObject* copy = PyContext_CopyCurrent();
        if (!copy) return false;
        const bool ok = loopCallSoon1(t->loop, fn, asObject(t), copy);
        Py_DECREF(copy);
        return ok;
    }
    PyObject* ctx = context ? Py_NewRef(context) : PyContext_CopyCurrent();
    if (!ctx) return false;
    t->callbacks.push_back({Py_NewRef(fn), ctx});
    return true;
}

// ---- stepping ----------------------------------------------------------------

void queueStep(TaskObject* t, PyObject* exc) {
    t->queued = true;
    Py_XSETREF(t->stepExc, Py_XNewRef(exc));
    Py_CLEAR(t->wakeFrom);
    loopPushReady(t->loop, Py_NewRef(asObject(t)));
}

/// Queues a step that throws RuntimeError(message) in (asyncio's answer to a
/// bad yield). `result` is formatted with %R.
void queueRuntimeError(TaskObject* t, const char* format, PyObject* result) {
    PyObject* message = PyUnicode_FromFormat(format, asObject(t), result);
    PyObject* exc = message ? PyObject_CallOneArg(PyExc_RuntimeError, message) : nullptr;
    Py_XDECREF(message);
    if (!exc) return loopReportError(t->loop, asObject(t));
    queueStep(t, exc);
    Py_DECREF(exc);
}

/// Is `fut` of this task's loop? (futures._get_loop)
int sameLoop(TaskObject* t, PyObject* fut) {
    PyObject* loop = PyObject_CallMethod(fut, "get_loop", nullptr);
    if (!loop) {
        if (!PyErr_ExceptionMatches(PyExc_AttributeError)) return -1;
        PyErr_Clear();
        loop = PyObject_GetAttrString(fut, "_loop");
        if (!loop) return -1;
    }
    const int same = loop == reinterpret_cast<PyObject*>(t->loop);
    Py_DECREF(loop);
    return same;
}

PyMethodDef wakeupDef;

/// The coroutine yielded `result`: wait on it, requeue, or refuse it.
bool handleYield(TaskObject* t, PyObject* result) {
    if (result == Py_None) {  // a bare yield: asyncio.sleep(0)
        queueStep(t, nullptr);
        return true;
    }
    if (Py_TYPE(result) == g_taskType) {
        TaskObject* other = asTask(result);
        if (other->loop != t->loop)
            return queueRuntimeError(t, "Task %R got Future %R attached to a different loop",
                                     result),
                   true;
        if (!other->blocking)
            return queueRuntimeError(t, "yield was used instead of yield from in task %R with %R",
                                     result),
                   true;
        if (other == t)
            return queueRuntimeError(t, "Task cannot await on itself: %R", result), true;
        other->blocking = false;
        if (other->state == State::Pending)
            other->callbacks.push_back({Py_NewRef(asObject(t)), nullptr});
        else {  // done already: wake up on the next pass, as its callbacks would
            queueStep(t, nullptr);
            t->wakeFrom = Py_NewRef(result);
        }
        Py_XSETREF(t->futWaiter, Py_NewRef(result));
    } else {
        PyObject* blocking = nullptr;
        if (_PyObject_LookupAttr(result, g_strBlocking, &blocking) < 0) return false;
        if (!blocking || blocking == Py_None) {
            Py_XDECREF(blocking);
            if (PyGen_CheckExact(result))
                queueRuntimeError(
                    t, "yield was used instead of yield from for generator in task %R with %R",
                    result);
            else
                queueRuntimeError(t, "Task got bad yield: %R", result);
            return true;
        }
        const int isBlocking = PyObject_IsTrue(blocking);
        Py_DECREF(blocking);
        if (isBlocking < 0) return false;
        const int same = sameLoop(t, result);
        if (same < 0) return false;
        if (!same)
            return queueRuntimeError(t, "Task %R got Future %R attached to a different loop",
                                     result),
                   true;
        if (!isBlocking)
            return queueRuntimeError(t, "yield was used instead of yield from in task %R with %R",
                                     result),
                   true;
        if (PyObject_SetAttrString(result, "_asyncio_future_blocking", Py_False) < 0) return false;
        if (!t->wakeFn) {
            t->wakeFn = PyCFunction_New(&wakeupDef, asObject(t));
            if (!t->wakeFn) return false;
        }
        static PyObject* contextKw = Py_BuildValue("(s)", "context");
        PyObject* args[] = {result, t->wakeFn, t->context};
        PyObject* r = PyObject_VectorcallMethod(g_strAddDoneCallback, args, 2, contextKw);
        if (!r) return false;
        Py_DECREF(r);
        Py_XSETREF(t->futWaiter, Py_NewRef(result));
    }
    if (t->mustCancel) {  // cancel() was called while the coroutine ran
        PyObject* waiter = t->futWaiter;
        int cancelled;
        if (Py_TYPE(waiter) == g_taskType) {
            cancelled = taskCancel(asTask(waiter), t->cancelMsg ? t->cancelMsg : Py_None);
        } else {
            PyObject* r =
                PyObject_CallMethod(waiter, "cancel", "O", t->cancelMsg ? t->cancelMsg : Py_None);
            if (!r) return false;
            cancelled = PyObject_IsTrue(r);
            Py_DECREF(r);
            if (cancelled < 0) return false;
        }
        if (cancelled) t->mustCancel = false;
    }
    return true;
}

/// The coroutine raised (error set): the task is done with it.
void handleRaise(TaskObject* t) {
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    if (tb) PyException_SetTraceback(value, tb);
    if (PyErr_GivenExceptionMatches(value, g_cancelledError)) {
        Py_XSETREF(t->cancelledExc, Py_NewRef(value));
        futureCancel(t, nullptr);
    } else {
        Py_XSETREF(t->exception, Py_NewRef(value));
        Py_XSETREF(t->exceptionTb, Py_XNewRef(tb));
        t->logTb = true;
        const bool awaited = !t->callbacks.empty();
        finish(t, State::Finished);
        if (PyErr_GivenExceptionMatches(value, PyExc_KeyboardInterrupt) ||
            PyErr_GivenExceptionMatches(value, PyExc_SystemExit)) {
            // asyncio re-raises these out of the loop; Qt's loop reports them.
            PyErr_Restore(type, value, tb);
            loopReportError(t->loop, asObject(t));
            return;
        }
        // Nobody awaits it: an app's task is reported soon unless retrieved
        // (asyncioloop.py), not only when collected, which a kept one never is.
        if (!awaited) {
            PyObject* noted = PyObject_CallMethod(reinterpret_cast<PyObject*>(t->loop),
                                                  "_qpanel_task_failed", "O", asObject(t));
            if (!noted) loopReportError(t->loop, asObject(t));
            Py_XDECREF(noted);
        }
    }
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
}

void stepInContext(TaskObject* t, PyObject* excIn);

/// One step of the coroutine in the task's context: send None, or throw
/// `exc` in (asyncio's Task.__step, run by call_soon(..., context=)).
/// `entered`: the context is current already (a Handle entered it).
void step(TaskObject* t, PyObject* exc, bool entered = false) {
    if (entered) return stepInContext(t, exc);
    PyObject* context = Py_NewRef(t->context);
    if (PyContext_Enter(context) < 0) {
        loopReportError(t->loop, asObject(t));
    } else {
        dispatched([&] { stepInContext(t, exc); });
        if (PyContext_Exit(context) < 0) loopReportError(t->loop, asObject(t));
    }
    Py_DECREF(context);
}

/// Errors of the machinery go to the loop's exception handler.
void stepInContext(TaskObject* t, PyObject* excIn) {
    PyObject* self = Py_NewRef(asObject(t));
    PyObject* exc = Py_XNewRef(excIn);
    if (t->state != State::Pending) {
        PyErr_Format(g_invalidStateError, "_step(): already done: %R, %R", self,
                     exc ? exc : Py_None);
        loopReportError(t->loop, self);
        Py_XDECREF(exc);
        Py_DECREF(self);
        return;
    }
    if (t->mustCancel) {
        if (!exc || !PyErr_GivenExceptionMatches(exc, g_cancelledError)) {
            Py_XSETREF(exc, makeCancelledError(t));
            if (!exc) {
                loopReportError(t->loop, self);
                Py_DECREF(self);
                return;
            }
        }
        t->mustCancel = false;
    }
    Py_CLEAR(t->futWaiter);
    // asyncio.current_task(): saved and restored rather than refused when
    // another is set (a qpanel callback driving its own coroutine, pyapp.cpp).
    auto* loopKey = reinterpret_cast<PyObject*>(t->loop);
    PyObject* previous = PyDict_GetItemWithError(g_currentTasks, loopKey);
    Py_XINCREF(previous);
    if (PyDict_SetItem(g_currentTasks, loopKey, self) < 0) {
        loopReportError(t->loop, self);
        Py_XDECREF(previous);
        Py_XDECREF(exc);
        Py_DECREF(self);
        return;
    }
    PyObject* out = nullptr;
    PySendResult sent;
    if (!exc) {
        sent = PyIter_Send(t->coro, Py_None, &out);
    } else {
        out = PyObject_CallMethodOneArg(t->coro, g_strThrow, exc);
        sent = out ? PYGEN_NEXT : PYGEN_ERROR;
        if (!out && PyErr_ExceptionMatches(PyExc_StopIteration)) {
            PyObject *type, *value, *tb;
            PyErr_Fetch(&type, &value, &tb);
            PyErr_NormalizeException(&type, &value, &tb);
            out = PyObject_GetAttrString(value, "value");
            Py_XDECREF(type);
            Py_XDECREF(value);
            Py_XDECREF(tb);
            sent = out ? PYGEN_RETURN : PYGEN_ERROR;
        }
    }
    Py_XDECREF(exc);
    if (sent == PYGEN_RETURN) {
        if (t->mustCancel) {
            t->mustCancel = false;
            futureCancel(t, t->cancelMsg);
        } else if (t->state == State::Pending) {
            Py_XSETREF(t->result, out);
            out = nullptr;
            finish(t, State::Finished);
        }
        Py_XDECREF(out);
    } else if (sent == PYGEN_ERROR) {
        handleRaise(t);
    } else {
        if (!handleYield(t, out)) loopReportError(t->loop, self);
        Py_DECREF(out);
    }
    if (previous) {
        if (PyDict_SetItem(g_currentTasks, loopKey, previous) < 0) PyErr_WriteUnraisable(self);
        Py_DECREF(previous);
    } else if (PyDict_DelItem(g_currentTasks, loopKey) < 0) {
        PyErr_Clear();  // the coroutine removed it itself
    }
    Py_DECREF(self);
}

/// Task.__wakeup(future): step with its result or exception.
void wakeup(TaskObject* t, PyObject* fut, bool entered) {
    PyObject* result;
    if (Py_TYPE(fut) == g_taskType)
        result = futureResult(asTask(fut));
    else
        result = PyObject_CallMethod(fut, "result", nullptr);
    if (result) {
        Py_DECREF(result);
        return step(t, nullptr, entered);
    }
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    if (tb) PyException_SetTraceback(value, tb);
    step(t, value, entered);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
}

PyObject* wakeupMethod(PyObject* self, PyObject* fut) {
    // Called by a Handle of the future's callbacks, in the task's context.
    wakeup(asTask(self), fut, true);
    Py_RETURN_NONE;
}

}  // namespace

bool taskCancel(TaskObject* t, PyObject* msg) {
    t->logTb = false;
    if (t->state != State::Pending) return false;
    ++t->cancelsRequested;
    if (t->futWaiter) {
        if (Py_TYPE(t->futWaiter) == g_taskType) {
            if (taskCancel(asTask(t->futWaiter), msg)) return true;
        } else {
            static PyObject* msgKw = Py_BuildValue("(s)", "msg");
            PyObject* args[] = {t->futWaiter, msg};
            PyObject* r = PyObject_VectorcallMethod(g_strCancel, args, 1, msgKw);
            if (!r) return loopReportError(t->loop, asObject(t)), false;
            const int cancelled = PyObject_IsTrue(r);
            Py_DECREF(r);
            if (cancelled > 0) return true;
        }
    }
    t->mustCancel = true;
    Py_XSETREF(t->cancelMsg, Py_XNewRef(msg == Py_None ? nullptr : msg));
    return true;
}

namespace {

// ---- the await iterator --------------------------------------------------------

struct IterObject {
    PyObject_HEAD TaskObject* task;
};

PySendResult iterSend(PyObject* self, PyObject*, PyObject** out) {
    auto* it = reinterpret_cast<IterObject*>(self);
    TaskObject* t = it->task;
    if (!t) {  // exhausted
        *out = Py_NewRef(Py_None);
        return PYGEN_RETURN;
    }
    if (t->state == State::Pending) {
        if (!t->blocking) {
            t->blocking = true;
            *out = Py_NewRef(asObject(t));
            return PYGEN_NEXT;
        }
        PyErr_SetString(PyExc_RuntimeError, "await wasn't used with future");
        *out = nullptr;
        return PYGEN_ERROR;
    }
    it->task = nullptr;
    *out = futureResult(t);
    Py_DECREF(asObject(t));
    return *out ? PYGEN_RETURN : PYGEN_ERROR;
}

PyObject* iterNext(PyObject* self) {
    PyObject* out;
    const PySendResult r = iterSend(self, Py_None, &out);
    if (r == PYGEN_RETURN) {
        // Returned through StopIteration(value), as a generator would.
        PyObject* stop = PyObject_CallOneArg(PyExc_StopIteration, out);
        Py_DECREF(out);
        if (stop) PyErr_SetObject(PyExc_StopIteration, stop);
        Py_XDECREF(stop);
        return nullptr;
    }
    return out;
}

PyObject* iterSendMethod(PyObject* self, PyObject*) {
    return iterNext(self);
}

PyObject* iterThrow(PyObject* self, PyObject* const* args, Py_ssize_t nargs) {
    if (nargs < 1 || nargs > 3) {
        PyErr_SetString(PyExc_TypeError, "throw() takes 1 to 3 arguments");
        return nullptr;
    }
    PyObject* type = args[0];
    PyObject* value = nargs > 1 ? args[1] : Py_None;
    PyObject* tb = nargs > 2 ? args[2] : Py_None;
    auto* it = reinterpret_cast<IterObject*>(self);
    Py_CLEAR(it->task);
    if (PyExceptionInstance_Check(type)) {
        if (value != Py_None) {
            PyErr_SetString(PyExc_TypeError, "instance exception may not have a separate value");
            return nullptr;
        }
        PyErr_Restore(Py_NewRef(reinterpret_cast<PyObject*>(Py_TYPE(type))), Py_NewRef(type),
                      tb == Py_None ? nullptr : Py_NewRef(tb));
        return nullptr;
    }
    if (!PyExceptionClass_Check(type)) {
        PyErr_SetString(PyExc_TypeError, "exceptions must be classes deriving BaseException");
        return nullptr;
    }
    PyObject* exc = value == Py_None                   ? PyObject_CallNoArgs(type)
                    : PyExceptionInstance_Check(value) ? Py_NewRef(value)
                                                       : PyObject_CallOneArg(type, value);
    if (!exc) return nullptr;
    if (tb != Py_None) PyException_SetTraceback(exc, tb);
    PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(exc)), exc);
    Py_DECREF(exc);
    return nullptr;
}

PyObject* iterClose(PyObject* self, PyObject*) {
    Py_CLEAR(reinterpret_cast<IterObject*>(self)->task);
    Py_RETURN_NONE;
}

int iterTraverse(PyObject* self, visitproc visit, void* arg) {
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(asObject(reinterpret_cast<IterObject*>(self)->task));
    return 0;
}

int iterClear(PyObject* self) {
    Py_CLEAR(reinterpret_cast<IterObject*>(self)->task);
    return 0;
}

void iterDealloc(PyObject* self) {
    PyTypeObject* type = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    iterClear(self);
    type->tp_free(self);
    Py_DECREF(type);
}

PyMethodDef iterMethods[] = {
    {"send", iterSendMethod, METH_O, nullptr},
    {"throw", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(iterThrow)), METH_FASTCALL,
     nullptr},
    {"close", iterClose, METH_NOARGS, nullptr},
    {nullptr, nullptr, 0, nullptr}};

PyType_Slot iterSlots[] = {{Py_tp_dealloc, reinterpret_cast<void*>(iterDealloc)},
                           {Py_tp_traverse, reinterpret_cast<void*>(iterTraverse)},
                           {Py_tp_clear, reinterpret_cast<void*>(iterClear)},
                           {Py_tp_iter, reinterpret_cast<void*>(PyObject_SelfIter)},
                           {Py_tp_iternext, reinterpret_cast<void*>(iterNext)},
                           {Py_am_send, reinterpret_cast<void*>(iterSend)},
                           {Py_tp_methods, iterMethods},
                           {0, nullptr}};

PyType_Spec iterSpec = {"_qpanel_loop.TaskIter", sizeof(IterObject), 0,
                        Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
                        iterSlots};

PyObject* taskAwait(PyObject* self) {
    auto* it = PyObject_GC_New(IterObject, g_iterType);
    if (!it) return nullptr;
    it->task = asTask(Py_NewRef(self));
    PyObject_GC_Track(it);
    return reinterpret_cast<PyObject*>(it);
}

// ---- Task methods ----------------------------------------------------------------

PyObject* mResult(PyObject* self, PyObject*) {
    return futureResult(asTask(self));
}

PyObject* mException(PyObject* self, PyObject*) {
    TaskObject* t = asTask(self);
    if (t->state == State::Cancelled) return raiseCancelled(t), nullptr;
    if (t->state == State::Pending) {
        PyErr_SetString(g_invalidStateError, "Exception is not set.");
        return nullptr;
    }
    t->logTb = false;
    return Py_NewRef(t->exception ? t->exception : Py_None);
}

PyObject* mSetResult(PyObject*, PyObject*) {
    PyErr_SetString(PyExc_RuntimeError, "Task does not support set_result operation");
    return nullptr;
}

PyObject* mSetException(PyObject*, PyObject*) {
    PyErr_SetString(PyExc_RuntimeError, "Task does not support set_exception operation");
    return nullptr;
}

PyObject* mDone(PyObject* self, PyObject*) {
    return PyBool_FromLong(asTask(self)->state != State::Pending);
}

PyObject* mCancelled(PyObject* self, PyObject*) {
    return PyBool_FromLong(asTask(self)->state == State::Cancelled);
}

/// Parses one optional argument, positional or by keyword `name`.
bool oneOptional(PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames, const char* method,
                 const char* name, PyObject** value) {
    *value = Py_None;
    const Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    if (nargs + nkw > 1) {
        PyErr_Format(PyExc_TypeError, "%s() takes at most 1 argument", method);
        return false;
    }
    if (nargs == 1) *value = args[0];
    if (nkw == 1) {
        if (PyUnicode_CompareWithASCIIString(PyTuple_GET_ITEM(kwnames, 0), name) != 0) {
            PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument %R", method,
                         PyTuple_GET_ITEM(kwnames, 0));
            return false;
        }
        *value = args[0];
    }
    return true;
}

PyObject* mCancel(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
    PyObject* msg;
    if (!oneOptional(args, nargs, kwnames, "cancel", "msg", &msg)) return nullptr;
    const bool cancelled = taskCancel(asTask(self), msg);
    if (PyErr_Occurred()) return nullptr;
    return PyBool_FromLong(cancelled);
}

PyObject* mCancelling(PyObject* self, PyObject*) {
    return PyLong_FromLong(asTask(self)->cancelsRequested);
}

PyObject* mUncancel(PyObject* self, PyObject*) {
    TaskObject* t = asTask(self);
    if (t->cancelsRequested > 0) --t->cancelsRequested;
    return PyLong_FromLong(t->cancelsRequested);
}

PyObject* mAddDoneCallback(PyObject* self, PyObject* const* args, Py_ssize_t nargs,
                           PyObject* kwnames) {
    if (nargs != 1) {
        PyErr_SetString(PyExc_TypeError,
                        "add_done_callback() takes exactly one positional "
                        "argument (the callback)");
        return nullptr;
    }
    PyObject* context;
    if (!oneOptional(args + 1, 0, kwnames, "add_done_callback", "context", &context))
        return nullptr;
    if (!addCallback(asTask(self), args[0], context == Py_None ? nullptr : context)) return nullptr;
    Py_RETURN_NONE;
}

PyObject* mRemoveDoneCallback(PyObject* self, PyObject* fn) {
    TaskObject* t = asTask(self);
    // Taken out while compared: __eq__ may run Python code (and add callbacks).
    std::vector<Callback> callbacks;
    callbacks.swap(t->callbacks);
    std::vector<Callback> kept;
    Py_ssize_t removed = 0;
    std::size_t i = 0;
    bool failed = false;
    for (; i < callbacks.size(); ++i) {
        Callback& cb = callbacks[i];
        const int equal = cb.context ? PyObject_RichCompareBool(cb.fn, fn, Py_EQ) : 0;
        if (equal < 0) {
            failed = true;
            break;
        }
        if (equal) {
            ++removed;
            Py_DECREF(cb.fn);
            Py_DECREF(cb.context);
        } else {
            kept.push_back(cb);
        }
    }
    // On an error the rest stays; callbacks added meanwhile come after.
    kept.insert(kept.end(), callbacks.begin() + std::ptrdiff_t(i), callbacks.end());
    kept.insert(kept.end(), t->callbacks.begin(), t->callbacks.end());
    t->callbacks.swap(kept);
    return failed ? nullptr : PyLong_FromSsize_t(removed);
}

PyObject* mGetLoop(PyObject* self, PyObject*) {
    return Py_NewRef(reinterpret_cast<PyObject*>(asTask(self)->loop));
}

PyObject* mMakeCancelledError(PyObject* self, PyObject*) {
    return makeCancelledError(asTask(self));
}

PyObject* mGetCoro(PyObject* self, PyObject*) {
    return Py_NewRef(asTask(self)->coro);
}

PyObject* mGetContext(PyObject* self, PyObject*) {
    return Py_NewRef(asTask(self)->context);
}

PyObject* mGetName(PyObject* self, PyObject*) {
    TaskObject* t = asTask(self);
    if (!t->name) t->name = PyUnicode_FromFormat("Task-%llu", t->number);
    return Py_XNewRef(t->name);
}

PyObject* mSetName(PyObject* self, PyObject* value) {
    PyObject* name = PyUnicode_CheckExact(value) ? Py_NewRef(value) : PyObject_Str(value);
    if (!name) return nullptr;
    Py_XSETREF(asTask(self)->name, name);
    Py_RETURN_NONE;
}

PyObject* callBaseTasks(const char* function, PyObject* self, PyObject* a, PyObject* b) {
    PyObject* fn = PyObject_GetAttrString(g_baseTasks, function);
    if (!fn) return nullptr;
    PyObject* args[] = {self, a, b};
    PyObject* r = PyObject_Vectorcall(fn, args, b ? 3 : 2, nullptr);
    Py_DECREF(fn);
    return r;
}

PyObject* mGetStack(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
    PyObject* limit;
    if (!oneOptional(args, nargs, kwnames, "get_stack", "limit", &limit)) return nullptr;
    return callBaseTasks("_task_get_stack", self, limit, nullptr);
}

PyObject* mPrintStack(PyObject* self, PyObject* args, PyObject* kwargs) {
    static const char* keywords[] = {"limit", "file", nullptr};
    PyObject *limit = Py_None, *file = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|$OO:print_stack", const_cast<char**>(keywords),
                                     &limit, &file))
        return nullptr;
    return callBaseTasks("_task_print_stack", self, limit, file);
}

PyObject* taskRepr(PyObject* self) {
    PyObject* fn = PyObject_GetAttrString(g_baseTasks, "_task_repr");
    if (!fn) return nullptr;
    PyObject* r = PyObject_CallOneArg(fn, self);
    Py_DECREF(fn);
    return r;
}

PyMethodDef taskMethods[] = {
    {"result", mResult, METH_NOARGS, "The result, or raises the exception / CancelledError."},
    {"exception", mException, METH_NOARGS, "The exception (None if none)."},
    {"set_result", mSetResult, METH_O, "Not supported by a Task (RuntimeError)."},
    {"set_exception", mSetException, METH_O, "Not supported by a Task (RuntimeError)."},
    {"done", mDone, METH_NOARGS, nullptr},
    {"cancelled", mCancelled, METH_NOARGS, nullptr},
    {"cancel", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(mCancel)),
     METH_FASTCALL | METH_KEYWORDS, "cancel(msg=None): CancelledError at the current await."},
    {"cancelling", mCancelling, METH_NOARGS, "Pending cancel() requests."},
    {"uncancel", mUncancel, METH_NOARGS, "Withdraws one cancel() request."},
    {"add_done_callback",
     reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(mAddDoneCallback)),
     METH_FASTCALL | METH_KEYWORDS, "add_done_callback(fn, *, context=None)"},
    {"remove_done_callback", mRemoveDoneCallback, METH_O, nullptr},
    {"get_loop", mGetLoop, METH_NOARGS, nullptr},
    {"_make_cancelled_error", mMakeCancelledError, METH_NOARGS, nullptr},
    {"get_coro", mGetCoro, METH_NOARGS, nullptr},
    {"get_context", mGetContext, METH_NOARGS, nullptr},
    {"get_name", mGetName, METH_NOARGS, nullptr},
    {"set_name", mSetName, METH_O, nullptr},
    {"get_stack", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(mGetStack)),
     METH_FASTCALL | METH_KEYWORDS, nullptr},
    {"print_stack", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(mPrintStack)),
     METH_VARARGS | METH_KEYWORDS, nullptr},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, nullptr},
    {nullptr, nullptr, 0, nullptr}};

// ---- attributes asyncio's helpers (repr, isfuture, gather) read ---------------------

PyObject* orNone(PyObject* o) {
    return Py_NewRef(o ? o : Py_None);
}

PyObject* gState(PyObject* self, void*) {
    switch (asTask(self)->state) {
        case State::Pending:
            return PyUnicode_FromString("PENDING");
        case State::Cancelled:
            return PyUnicode_FromString("CANCELLED");
        case State::Finished:
            break;
    }
    return PyUnicode_FromString("FINISHED");
}

PyObject* gCallbacks(PyObject* self, void*) {
    TaskObject* t = asTask(self);
    if (t->callbacks.empty()) Py_RETURN_NONE;
    PyObject* list = PyList_New(0);
    if (!list) return nullptr;
    for (const Callback& cb : t->callbacks) {
        PyObject* item;
        if (cb.context) {
            item = PyTuple_Pack(2, cb.fn, cb.context);
        } else {
            TaskObject* waiter = asTask(cb.fn);
            if (!waiter->wakeFn) waiter->wakeFn = PyCFunction_New(&wakeupDef, cb.fn);
            item = waiter->wakeFn ? PyTuple_Pack(2, waiter->wakeFn, waiter->context) : nullptr;
        }
        if (!item || PyList_Append(list, item) < 0) {
            Py_XDECREF(item);
            Py_DECREF(list);
            return nullptr;
        }
        Py_DECREF(item);
    }
    return list;
}

template <bool TaskObject::*Field>
PyObject* gFlag(PyObject* self, void*) {
    return PyBool_FromLong(asTask(self)->*Field);
}

/// Setters of asyncio's "can only be set to False" flags.
template <bool TaskObject::*Field>
int sFalseOnly(PyObject* self, PyObject* value, void*) {
    if (!value) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete attribute");
        return -1;
    }
    const int truth = PyObject_IsTrue(value);
    if (truth < 0) return -1;
    if (truth && Field == &TaskObject::logTb) {
        PyErr_SetString(PyExc_ValueError, "_log_traceback can only be set to False");
        return -1;
    }
    asTask(self)->*Field = truth;
    return 0;
}

PyObject* gLoop(PyObject* self, void*) {
    return mGetLoop(self, nullptr);
}
PyObject* gResult(PyObject* self, void*) {
    return orNone(asTask(self)->result);
}
PyObject* gException(PyObject* self, void*) {
    return orNone(asTask(self)->exception);
}
PyObject* gCancelMessage(PyObject* self, void*) {
    return orNone(asTask(self)->cancelMsg);
}
int sCancelMessage(PyObject* self, PyObject* value, void*) {
    Py_XSETREF(asTask(self)->cancelMsg, value == Py_None ? nullptr : Py_XNewRef(value));
    return 0;
}
PyObject* gNone(PyObject*, void*) {
    Py_RETURN_NONE;
}
PyObject* gCoro(PyObject* self, void*) {
    return mGetCoro(self, nullptr);
}
PyObject* gFutWaiter(PyObject* self, void*) {
    return orNone(asTask(self)->futWaiter);
}
PyObject* gContext(PyObject* self, void*) {
    return mGetContext(self, nullptr);
}
PyObject* gCancels(PyObject* self, void*) {
    return mCancelling(self, nullptr);
}

PyGetSetDef taskGetSet[] = {
    {"_state", gState, nullptr, nullptr, nullptr},
    {"_loop", gLoop, nullptr, nullptr, nullptr},
    {"_result", gResult, nullptr, nullptr, nullptr},
    {"_exception", gException, nullptr, nullptr, nullptr},
    {"_callbacks", gCallbacks, nullptr, nullptr, nullptr},
    {"_source_traceback", gNone, nullptr, nullptr, nullptr},
    {"_asyncio_future_blocking", gFlag<&TaskObject::blocking>, sFalseOnly<&TaskObject::blocking>,
     nullptr, nullptr},
    {"_log_traceback", gFlag<&TaskObject::logTb>, sFalseOnly<&TaskObject::logTb>, nullptr, nullptr},
    {"_log_destroy_pending", gFlag<&TaskObject::logDestroyPending>,
     sFalseOnly<&TaskObject::logDestroyPending>, nullptr, nullptr},
    {"_must_cancel", gFlag<&TaskObject::mustCancel>, nullptr, nullptr, nullptr},
    {"_cancel_message", gCancelMessage, sCancelMessage, nullptr, nullptr},
    {"_coro", gCoro, nullptr, nullptr, nullptr},
    {"_fut_waiter", gFutWaiter, nullptr, nullptr, nullptr},
    {"_context", gContext, nullptr, nullptr, nullptr},
    {"_num_cancels_requested", gCancels, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

PyMemberDef taskMembers[] = {
    {"__dictoffset__", T_PYSSIZET, offsetof(TaskObject, dict), READONLY, nullptr},
    {"__weaklistoffset__", T_PYSSIZET, offsetof(TaskObject, weakrefs), READONLY, nullptr},
    {}};

// ---- lifetime ------------------------------------------------------------------

int taskTraverse(PyObject* self, visitproc visit, void* arg) {
    TaskObject* t = asTask(self);
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(t->dict);
    Py_VISIT(reinterpret_cast<PyObject*>(t->loop));
    Py_VISIT(t->coro);
    Py_VISIT(t->context);
    Py_VISIT(t->owner);
    Py_VISIT(t->name);
    Py_VISIT(t->result);
    Py_VISIT(t->exception);
    Py_VISIT(t->exceptionTb);
    Py_VISIT(t->cancelMsg);
    Py_VISIT(t->cancelledExc);
    Py_VISIT(t->futWaiter);
    Py_VISIT(t->wakeFn);
    Py_VISIT(t->stepExc);
    Py_VISIT(t->wakeFrom);
    for (const Callback& cb : t->callbacks) {
        Py_VISIT(cb.fn);
        Py_VISIT(cb.context);
    }
    return 0;
}

int taskClear(PyObject* self) {
    TaskObject* t = asTask(self);
    unlink(t);
    std::vector<Callback> callbacks;
    callbacks.swap(t->callbacks);
    for (Callback& cb : callbacks) {
        Py_XDECREF(cb.fn);
        Py_XDECREF(cb.context);
    }
    Py_CLEAR(t->dict);
    Py_CLEAR(t->coro);
    Py_CLEAR(t->context);
    Py_CLEAR(t->owner);
    Py_CLEAR(t->name);
    Py_CLEAR(t->result);
    Py_CLEAR(t->exception);
    Py_CLEAR(t->exceptionTb);
    Py_CLEAR(t->cancelMsg);
    Py_CLEAR(t->cancelledExc);
    Py_CLEAR(t->futWaiter);
    Py_CLEAR(t->wakeFn);
    Py_CLEAR(t->stepExc);
    Py_CLEAR(t->wakeFrom);
    Py_CLEAR(t->loop);
    return 0;
}

void callExceptionHandler(TaskObject* t, PyObject* context) {
    PyObject* r = PyObject_CallMethod(reinterpret_cast<PyObject*>(t->loop),
                                      "call_exception_handler", "O", context);
    if (!r) PyErr_WriteUnraisable(asObject(t));
    Py_XDECREF(r);
}

/// asyncio's two warnings at a task's end of life: destroyed while pending,
/// and an exception nobody retrieved.
void taskFinalize(PyObject* self) {
    TaskObject* t = asTask(self);
    if (!t->loop) return;
    const bool pending = t->state == State::Pending && t->logDestroyPending;
    const bool unretrieved = t->logTb && t->exception;
    if (!pending && !unretrieved) return;
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    if (pending) {
        t->logDestroyPending = false;
        PyObject* context = Py_BuildValue("{sOss}", "task", self, "message",
                                          "Task was destroyed but it is pending!");
        if (context) callExceptionHandler(t, context), Py_DECREF(context);
    }
    if (unretrieved) {
        t->logTb = false;
        PyObject* context =
            Py_BuildValue("{sssOsO}", "message", "Task exception was never retrieved", "exception",
                          t->exception, "future", self);
        if (context) callExceptionHandler(t, context), Py_DECREF(context);
    }
    PyErr_Clear();
    PyErr_Restore(type, value, tb);
}

void taskDealloc(PyObject* self) {
    if (PyObject_CallFinalizerFromDealloc(self) < 0) return;  // resurrected
    PyTypeObject* type = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    TaskObject* t = asTask(self);
    if (t->weakrefs) PyObject_ClearWeakRefs(self);
    taskClear(self);
    t->callbacks.~vector();
    type->tp_free(self);
    Py_DECREF(type);
}

PyType_Slot taskSlots[] = {
    {Py_tp_dealloc, reinterpret_cast<void*>(taskDealloc)},
    {Py_tp_finalize, reinterpret_cast<void*>(taskFinalize)},
    {Py_tp_traverse, reinterpret_cast<void*>(taskTraverse)},
    {Py_tp_clear, reinterpret_cast<void*>(taskClear)},
    {Py_tp_repr, reinterpret_cast<void*>(taskRepr)},
    {Py_tp_iter, reinterpret_cast<void*>(taskAwait)},
    {Py_am_await, reinterpret_cast<void*>(taskAwait)},
    {Py_tp_methods, taskMethods},
    {Py_tp_getset, taskGetSet},
    {Py_tp_members, taskMembers},
    {Py_tp_doc, const_cast<char*>("An asyncio Task on qpanel's loop (loop.create_task).")},
    {0, nullptr}};

PyType_Spec taskSpec = {"_qpanel_loop.Task", sizeof(TaskObject), 0,
                        Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
                        taskSlots};

}  // namespace

bool isTask(PyObject* object) {
    return Py_TYPE(object) == g_taskType;
}

PyObject* taskContext(PyObject* task) {
    return asTask(task)->context;
}

bool taskQueued(PyObject* task) {
    return asTask(task)->queued;
}

PyObject* taskNew(LoopObject* loop, PyObject* coro, PyObject* name, PyObject* context) {
    if (!PyCoro_CheckExact(coro)) {
        PyObject* is = PyObject_CallOneArg(g_iscoroutine, coro);
        if (!is) return nullptr;
        const int truth = PyObject_IsTrue(is);
        Py_DECREF(is);
        if (truth < 0) return nullptr;
        if (!truth) return PyErr_Format(PyExc_TypeError, "a coroutine was expected, got %R", coro);
    }
    auto* t = PyObject_GC_New(TaskObject, g_taskType);
    if (!t) return nullptr;
    // Every field before anything can fail: dealloc reads them all.
    t->dict = t->weakrefs = nullptr;
    t->loop = reinterpret_cast<LoopObject*>(Py_NewRef(reinterpret_cast<PyObject*>(loop)));
    t->coro = Py_NewRef(coro);
    t->context = t->owner = nullptr;
    t->name = nullptr;
    t->number = 0;
    t->result = t->exception = t->exceptionTb = nullptr;
    t->cancelMsg = t->cancelledExc = t->futWaiter = t->wakeFn = nullptr;
    t->stepExc = t->wakeFrom = nullptr;
    new (&t->callbacks) std::vector<Callback>();
    t->cancelsRequested = 0;
    t->state = State::Pending;
    t->blocking = t->logTb = t->mustCancel = t->queued = false;
    t->logDestroyPending = false;  // until it is fully made
    t->prev = t->next = nullptr;
    PyObject* self = asObject(t);
    PyObject_GC_Track(self);
    if (context != Py_None) {
        t->context = Py_NewRef(context);
    } else if (!(t->context = PyContext_CopyCurrent())) {
        Py_DECREF(self);
        return nullptr;
    }
    if (name == Py_None)
        t->number = ++g_taskCounter;
    else if (!(t->name = PyUnicode_CheckExact(name) ? Py_NewRef(name) : PyObject_Str(name)))
        return Py_DECREF(self), nullptr;
    t->logDestroyPending = true;
    link(t);
    queueStep(t, nullptr);
    return self;
}

void taskRunQueued(PyObject* task) {
    TaskObject* t = asTask(task);
    if (!t->queued) return;
    t->queued = false;
    PyObject* exc = t->stepExc;
    PyObject* from = t->wakeFrom;
    t->stepExc = t->wakeFrom = nullptr;
    if (!contextOfClosedOwner(t->context)) {
        if (from)
            wakeup(t, from, false);
        else
            step(t, exc);
    }
    Py_XDECREF(exc);
    Py_XDECREF(from);
}

PyObject* loopPendingTasks(LoopObject* loop, PyObject* owner) {
    PyObject* list = PyList_New(0);
    for (TaskObject* t = loop->tasks; list && t; t = t->next)
        if ((!owner || t->owner == owner) && PyList_Append(list, asObject(t)) < 0) Py_CLEAR(list);
    // The list is newest first (link prepends).
    if (list && PyList_Reverse(list) < 0) Py_CLEAR(list);
    return list;
}

bool loopHasPendingTask(LoopObject* loop, PyObject* owner) {
    for (TaskObject* t = loop->tasks; t; t = t->next)
        if (t->owner == owner) return true;
    return false;
}

void taskSetOwner(PyObject* task, PyObject* owner) {
    Py_XSETREF(asTask(task)->owner, Py_NewRef(owner));
}

bool addTaskType(PyObject* module) {
    PyObject* exceptions = PyImport_ImportModule("asyncio.exceptions");
    PyObject* tasks = exceptions ? PyImport_ImportModule("asyncio.tasks") : nullptr;
    PyObject* coroutines = tasks ? PyImport_ImportModule("asyncio.coroutines") : nullptr;
    g_baseTasks = coroutines ? PyImport_ImportModule("asyncio.base_tasks") : nullptr;
    if (g_baseTasks) {
        g_cancelledError = PyObject_GetAttrString(exceptions, "CancelledError");
        g_invalidStateError = PyObject_GetAttrString(exceptions, "InvalidStateError");
        g_currentTasks = PyObject_GetAttrString(tasks, "_current_tasks");
        g_iscoroutine = PyObject_GetAttrString(coroutines, "iscoroutine");
    }
    Py_XDECREF(exceptions);
    Py_XDECREF(tasks);
    Py_XDECREF(coroutines);
    if (!g_cancelledError || !g_invalidStateError || !g_currentTasks || !g_iscoroutine)
        return false;
    if (!PyDict_Check(g_currentTasks)) {
        PyErr_SetString(PyExc_TypeError, "asyncio.tasks._current_tasks is not a dict");
        return false;
    }
    g_strBlocking = PyUnicode_InternFromString("_asyncio_future_blocking");
    g_strAddDoneCallback = PyUnicode_InternFromString("add_done_callback");
    g_strThrow = PyUnicode_InternFromString("throw");
    g_strCancel = PyUnicode_InternFromString("cancel");
    if (!g_strBlocking || !g_strAddDoneCallback || !g_strThrow || !g_strCancel) return false;
    wakeupDef = {"task_wakeup", wakeupMethod, METH_O, "Wakes the task when `future` is done."};
    g_iterType = reinterpret_cast<PyTypeObject*>(PyType_FromSpec(&iterSpec));
    g_taskType = reinterpret_cast<PyTypeObject*>(PyType_FromSpec(&taskSpec));
    if (!g_iterType || !g_taskType) return false;
    // The types live as long as the process (the loop is process-wide).
    return PyModule_AddObjectRef(module, "Task", reinterpret_cast<PyObject*>(g_taskType)) == 0;
}

}  // namespace qpanel::python::detail
