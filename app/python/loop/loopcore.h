#pragma once
// The hot half of qpanel's asyncio loop, in C (CPython's C API, not
// pybind11: a pybind11 method call costs more than a whole asyncio Handle).
//
// Module `_qpanel_loop` defines:
//   LoopCore     base class of the Python loop (asyncioloop.py): call_soon,
//                call_soon_threadsafe, call_later, call_at, time, the ready
//                queue (drained by a zero Qt timer, one pass each) and timers on
//                core's Scheduler (one deadline heap, one QTimer).
//   Handle, TimerHandle   what those return (cancel, cancelled, when).
// Socket readiness comes from QSocketNotifiers kept here too (_watch_fd).

#include <Python.h>

namespace qpanel::python::detail {

/// Creates the `_qpanel_loop` module (call with the GIL held).
PyObject* createLoopCoreModule();

}  // namespace qpanel::python::detail
