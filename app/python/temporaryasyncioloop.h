#pragma once

#include "python/pybind.h"
// TEMPORARY stand-in for the loop helper's qpanel::pyloop
// (app/python/loop/asyncioloop.h, installAsyncioLoop()), only to develop
// against until that branch is merged: a minimal asyncio loop whose
// callbacks and timers are Qt events (_qpanel.post). It has no sockets, so
// aiohttp does not run on it. Delete this file on the merge.

namespace qpanel::python {

/// GIL held, GUI thread: makes the stand-in the running loop and returns it.
inline pybind11::object installTemporaryAsyncioLoop() {
    namespace py = pybind11;
    py::dict scope;
    py::exec(R"(
import asyncio, concurrent.futures, sys, time
import _qpanel

class TemporaryLoop(asyncio.AbstractEventLoop):
    def __init__(self):
        self._executor = None
    def time(self):
        return time.monotonic()
    def _post(self, delay, handle):
        _qpanel.post(delay * 1000.0, lambda: None if handle._cancelled else handle._run())
    def call_soon(self, callback, *args, context=None):
        handle = asyncio.Handle(callback, args, self, context)
        self._post(0, handle)
        return handle
    call_soon_threadsafe = call_soon
    def call_later(self, delay, callback, *args, context=None):
        return self.call_at(self.time() + delay, callback, *args, context=context)
    def call_at(self, when, callback, *args, context=None):
        handle = asyncio.TimerHandle(when, callback, args, self, context)
        self._post(max(0.0, when - self.time()), handle)
        return handle
    def _timer_handle_cancelled(self, handle):
        pass
    def create_future(self):
        return asyncio.Future(loop=self)
    def create_task(self, coro, *, name=None, context=None):
        return asyncio.Task(coro, loop=self, name=name, context=context)
    def run_in_executor(self, executor, func, *args):
        if executor is None:
            if self._executor is None:
                self._executor = concurrent.futures.ThreadPoolExecutor()
            executor = self._executor
        return asyncio.wrap_future(executor.submit(func, *args), loop=self)
    def get_debug(self):
        return False
    def is_running(self):
        return True
    def is_closed(self):
        return False
    def default_exception_handler(self, context):
        print('asyncio:', context.get('message'), context.get('exception', ''), file=sys.stderr)
    def call_exception_handler(self, context):
        self.default_exception_handler(context)

loop = TemporaryLoop()
asyncio.set_event_loop(loop)
asyncio.events._set_running_loop(loop)
)",
             scope);
    return scope["loop"];
}

}  // namespace qpanel::python
