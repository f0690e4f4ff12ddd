#pragma once
// What loopcore.cpp (the loop, its ready queue and Handles) and looptask.cpp
// (qpanel's C Task) share. Internal to qpanel::pyloop; GIL held everywhere.

#include <Python.h>

#include <type_traits>

namespace qpanel::python::detail {

class LoopState;
struct TaskObject;

struct LoopObject {
    PyObject_HEAD LoopState* state;
    unsigned long thread;
    TaskObject* tasks;  // the pending Tasks of this loop (intrusive list, borrowed)
};

// ---- loopcore.cpp ----------------------------------------------------------

/// Appends `entry` (a Handle or a Task whose step is due; the reference is
/// stolen) to the ready queue; dropped if the loop is released.
void loopPushReady(LoopObject* loop, PyObject* entry);

/// call_soon(callback, arg, context=context) without the Python call.
bool loopCallSoon1(LoopObject* loop, PyObject* callback, PyObject* arg, PyObject* context);

/// True if `context` belongs to an app whose owner token was closed (its
/// queued work is dropped, see asyncioloop.h).
bool contextOfClosedOwner(PyObject* context);

/// With a Python error set: reports it through the loop's exception handler
/// as raised by `source` (a Handle or a Task's step) and clears it.
void loopReportError(LoopObject* loop, PyObject* source);

/// Runs body(data) as one call of the loop into Python code, in the Context
/// entered now, under the dispatch hook (asyncioloop.h: the watchdog, the
/// app whose Context it is made current).
void dispatchEntry(void (*body)(void*), void* data);
using DispatchHook = void (*)(PyObject* ownerToken, void (*body)(void*), void* data);
void setDispatchHook(DispatchHook hook);

template <typename Body>
void dispatched(Body&& body) {
    using Fn = std::remove_reference_t<Body>;
    dispatchEntry([](void* fn) { (*static_cast<Fn*>(fn))(); }, &body);
}

// ---- looptask.cpp ----------------------------------------------------------

bool isTask(PyObject* object);

/// Adds the Task type to `module`; false with an error set.
bool addTaskType(PyObject* module);

/// A new Task running `coro` on `loop` (its first step queued): name None
/// gives "Task-N", context None a copy of the current context.
PyObject* taskNew(LoopObject* loop, PyObject* coro, PyObject* name, PyObject* context);

/// Runs the queued step of `task` (a ready-queue entry), unless it already
/// ran (closeOwner runs a closing app's steps early).
void taskRunQueued(PyObject* task);

/// The Task's contextvars.Context (borrowed).
PyObject* taskContext(PyObject* task);

/// True while a step of `task` is queued.
bool taskQueued(PyObject* task);

/// A list of the pending Tasks of `loop`, oldest first; only those of
/// `owner` (an app's owner token) unless it is null.
PyObject* loopPendingTasks(LoopObject* loop, PyObject* owner = nullptr);
/// Whether `loop` has a pending Task of `owner`; stops at the first.
bool loopHasPendingTask(LoopObject* loop, PyObject* owner);
/// Marks `task` (made by taskNew) as `owner`'s, for the two above.
void taskSetOwner(PyObject* task, PyObject* owner);

}  // namespace qpanel::python::detail
