#pragma once
// What asyncio.current_task() returns inside a qpanel-driven coroutine: a
// small Task-like handle (aiohttp's timeouts and asyncio.timeout call
// cancel()/uncancel() on it). cancel() cancels the future being awaited, so
// CancelledError is raised at that await, as asyncio.Task.cancel does.

#include <QString>

#include "python/pyref.h"

namespace qpanel::python {

struct DriveState {
    PyRef coroutine;
    PyRef waiting;  ///< the future awaited now, if any
    PyRef loop;
    bool cancelPending = false;  ///< cancel() while running: raise at the next step
    bool done = false;
    bool cancelled = false;
    int cancelling = 0;
    QString name;
};

struct TaskHandle {
    std::shared_ptr<DriveState> state;
};

}  // namespace qpanel::python
