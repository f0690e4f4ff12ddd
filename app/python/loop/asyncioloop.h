#pragma once
// qpanel's asyncio event loop, running on the Qt event loop.
//
// It is a complete asyncio loop (asyncio.selector_events' sockets, streams,
// servers, TLS, executors) whose only driver is Qt: callbacks are a ready
// queue drained by one posted event per pass, timers sit in core's Scheduler
// (one deadline heap, one QTimer), sockets are QSocketNotifiers. It is
// always "running": run_until_complete(), run_forever(), stop() and close()
// raise a RuntimeError that says so.
//
// The GIL: every entry from Qt into the loop takes the GIL itself
// (PyGILState_Ensure), so the GUI thread may release it while Qt's loop
// idles — and must, for executor threads (run_in_executor, to_thread,
// getaddrinfo) to run Python.
//
// One app's teardown: run the app's code (its script and the callbacks the
// session calls) inside the Context from asyncioOwnerContext(app). Tasks,
// handles and socket callbacks made there inherit it. On close/reload,
// closeAsyncioLoopResources(thatContext), from the Qt loop (not inside an
// asyncio task): it cancels the app's tasks and lets them unwind at once
// (CancelledError at their current await, finally blocks run while the app's
// objects still exist), aborts the app's transports and drops its readers,
// writers, timers and queued callbacks. Afterwards nothing of that app runs:
// results of its executor jobs and late callbacks are dropped.

#include <pybind11/pybind11.h>

namespace qpanel::python {

/// GIL held, interpreter initialised, on the GUI thread (a QCoreApplication
/// exists): creates qpanel's loop on first call, makes it the current and
/// running loop of this thread (asyncio.get_running_loop() works in any
/// callback called from Qt) and installs its async-generator hooks. Returns it.
pybind11::object installAsyncioLoop();

/// A contextvars.Context (a copy of the current one) marking what runs in it
/// as `owner`'s (any object, e.g. the app's session; kept for repr only).
pybind11::object asyncioOwnerContext(pybind11::handle owner);

/// Cancels, unwinds and drops everything of the app whose Context this is
/// (see above). Returns how many tasks were cancelled. GIL held.
int closeAsyncioLoopResources(pybind11::handle ownerContext);

/// What the app whose Context this is still has pending on the loop: its
/// asyncio tasks not done, and its queued callbacks and timers. GIL held.
struct AsyncioActivity {
    int tasks = 0;
    int callbacks = 0;
};
AsyncioActivity asyncioOwnerActivity(pybind11::handle ownerContext);
/// Whether that activity is not nothing; stops at the first pending item
/// (idle polls), where asyncioOwnerActivity counts them all. GIL held.
bool asyncioOwnerBusy(pybind11::handle ownerContext);

/// The owner given to asyncioOwnerContext of the app whose Context the code
/// running now is in (an asyncio task or callback of it); None outside any.
pybind11::object asyncioCurrentOwner();

/// Where the loop's default exception handler reports: hook(text, context)
/// with asyncio's message and the traceback; None restores stderr.
void setAsyncioReportHook(pybind11::object hook);

/// What runs around each call of the loop into Python code from Qt (a
/// callback Handle, a Task's step, a socket's reader or writer): the hook
/// calls body(data) inside whatever it sets up (qpanel's: the watchdog's
/// clock, and the app the owner token names made current). `ownerToken` is
/// the owner ContextVar's value in the Context the call runs in (borrowed;
/// None outside any app's). Null: body runs bare.
using AsyncioDispatchHook = void (*)(PyObject* ownerToken, void (*body)(void*), void* data);
void setAsyncioDispatchHook(AsyncioDispatchHook hook);

/// At application exit, before Py_Finalize: drops every queued callback,
/// timer and notifier of the loop (it cannot be used afterwards).
void shutdownAsyncioLoop();

}  // namespace qpanel::python
