"""qpanel's asyncio event loop: asyncio on the Qt event loop.

The hot parts (call_soon, the ready queue, timers on core's Scheduler, the
Handles) are C++ in `_qpanel_loop.LoopCore`; this file is the glue that makes
the standard library's BaseSelectorEventLoop (sockets, streams, TLS through
sslproto, servers, executors, getaddrinfo) run on it: its selector is not
polled but is a set of QSocketNotifiers, and Qt's event loop is the only loop.
Embedded by asyncioloop.cpp as module `_qpanel_asyncio`.
"""

import asyncio
import contextvars
import selectors
import sys
import threading
import time
import traceback
import weakref

from asyncio import events, format_helpers, selector_events, tasks

import _qpanel_loop

# How long application exit waits for the default executor's idle workers.
_EXECUTOR_EXIT_GRACE_S = 1.0

__all__ = ["QtEventLoop", "owner_context", "owner_activity", "owner_busy", "current_owner",
           "close_owner", "context_of"]

_DRIVEN_BY_QT = (
    "qpanel's asyncio loop is driven by the Qt event loop and is always running: "
    "{what}() cannot be called; schedule work with asyncio.create_task() or "
    "loop.call_soon() instead")


class _OwnerToken:
    """Marks what one app scheduled (a contextvar value); closed on teardown."""

    __slots__ = ("owner", "closed")

    def __init__(self, owner):
        self.owner = owner
        self.closed = False

    def __repr__(self):
        state = "closed" if self.closed else "open"
        return f"<qpanel asyncio owner {self.owner!r} {state}>"


owner_var = contextvars.ContextVar("qpanel_asyncio_owner", default=None)
_UNRETRIEVED_GRACE = 1.0  # seconds; see QtEventLoop._qpanel_task_failed
_qpanel_loop._set_owner_var(owner_var)


class _NotifierSelector(selectors._BaseSelectorImpl):
    """The selector BaseSelectorEventLoop keeps readers and writers in. It is
    never polled: each registered fd has QSocketNotifiers in the loop core,
    which call QtEventLoop._qpanel_fd_ready when Qt's loop sees it ready."""

    def __init__(self, loop):
        super().__init__()
        self._loop = loop

    def register(self, fileobj, events, data=None):
        key = super().register(fileobj, events, data)
        self._loop._watch_fd(key.fd, events)
        return key

    def unregister(self, fileobj):
        key = super().unregister(fileobj)
        self._loop._watch_fd(key.fd, 0)
        return key

    def modify(self, fileobj, events, data=None):
        try:
            key = self._fd_to_key[self._fileobj_lookup(fileobj)]
        except KeyError:
            raise KeyError(f"{fileobj!r} is not registered") from None
        if events != key.events:
            if (not events) or (events & ~(selectors.EVENT_READ | selectors.EVENT_WRITE)):
                raise ValueError(f"Invalid events: {events!r}")
            key = key._replace(events=events, data=data)
            self._fd_to_key[key.fd] = key
            self._loop._watch_fd(key.fd, events)
        elif data != key.data:
            key = key._replace(data=data)
            self._fd_to_key[key.fd] = key
        return key

    def select(self, timeout=None):
        raise RuntimeError("qpanel's selector is driven by QSocketNotifiers; it is never polled")

    def close(self):
        for fd in list(self._fd_to_key):
            self._loop._watch_fd(fd, 0)
        super().close()


def _format_context(context):
    """The text asyncio's default handler logs, traceback included."""
    message = context.get("message") or "Unhandled exception in event loop"
    lines = [message]
    for key in sorted(context):
        if key in {"message", "exception"}:
            continue
        value = context[key]
        if key == "source_traceback":
            value = "Object created at (most recent call last):\n" + "".join(
                traceback.format_list(value)).rstrip()
        elif key == "handle_traceback":
            value = "Handle created at (most recent call last):\n" + "".join(
                traceback.format_list(value)).rstrip()
        else:
            value = repr(value)
        lines.append(f"{key}: {value}")
    exception = context.get("exception")
    text = "\n".join(lines)
    if exception is not None:
        text += "\n" + "".join(traceback.format_exception(
            type(exception), exception, exception.__traceback__)).rstrip()
    return text


class QtEventLoop(_qpanel_loop.LoopCore, selector_events.BaseSelectorEventLoop):
    """asyncio's event loop for qpanel: always running, driven by Qt."""

    def __init__(self):
        selector_events.BaseSelectorEventLoop.__init__(self, _NotifierSelector(self))
        self._thread_id = threading.get_ident()  # is_running() is True
        self._report_hook = None
        # owner token -> its asyncio.Tasks (weakly; 3.11's Task hides its
        # context); qpanel's own Tasks carry their owner (_pending_tasks).
        self._owned_tasks = {}

    # create_task is LoopCore's (C); these are its two Python helpers.
    def _qpanel_create_task_slow(self, *args, **kwargs):
        """A task factory, debug mode or odd arguments: asyncio's own path."""
        task = selector_events.BaseSelectorEventLoop.create_task(self, *args, **kwargs)
        context = kwargs.get("context")
        token = owner_var.get() if context is None else context.get(owner_var)
        if token is not None:
            self._qpanel_own_task(token, task)
        return task

    def _qpanel_own_task(self, token, task):
        owned = self._owned_tasks.get(token)
        if owned is None:
            owned = self._owned_tasks[token] = weakref.WeakKeyDictionary()
        owned[task] = None  # a dict keeps creation order: tasks are cancelled in it

    # -- the loop is Qt's ---------------------------------------------------
    def run_forever(self):
        raise RuntimeError(_DRIVEN_BY_QT.format(what="run_forever"))

    def run_until_complete(self, future):
        raise RuntimeError(_DRIVEN_BY_QT.format(what="run_until_complete"))

    def stop(self):
        raise RuntimeError(_DRIVEN_BY_QT.format(what="stop"))

    def close(self):
        raise RuntimeError("Cannot close a running event loop (qpanel's loop lives as long "
                           "as the application)")

    def _qpanel_shutdown(self):
        """At application exit: drops every queued callback and notifier."""
        self._thread_id = None
        self._release_core()
        self._closed = True
        executor, self._default_executor = self._default_executor, None
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)
            # Idle workers leave at once; give them a moment so none is cut
            # mid-exit. One still in user code is not waited for: the
            # process ends anyway.
            deadline = time.monotonic() + _EXECUTOR_EXIT_GRACE_S
            for worker in list(executor._threads):
                worker.join(max(0.0, deadline - time.monotonic()))

    # No self-pipe: call_soon_threadsafe wakes Qt with a posted event.
    def _make_self_pipe(self):
        pass

    def _close_self_pipe(self):
        pass

    def _write_to_self(self):
        pass

    def _add_callback(self, handle):
        if not handle._cancelled:
            self.call_soon(handle._run)

    # -- called from the C++ core --------------------------------------------
    def _qpanel_fd_ready(self, fd, mask):
        key = self._selector._fd_to_key.get(fd)
        if key is None:
            return
        reader, writer = key.data
        if mask & selectors.EVENT_READ and reader is not None:
            if reader._cancelled:
                self._remove_reader(fd)
            else:
                reader._run()
        if mask & selectors.EVENT_WRITE and writer is not None:
            key = self._selector._fd_to_key.get(fd)  # the reader may have changed it
            writer = key.data[1] if key is not None else None
            if writer is not None:
                if writer._cancelled:
                    self._remove_writer(fd)
                else:
                    writer._run()

    def _qpanel_callback_error(self, handle, exc):
        callback = getattr(handle, "_callback", None)
        if isinstance(handle, _qpanel_loop.Task):
            source = f"{handle!r}.__step()"  # a step of qpanel's C Task
        elif callback is not None:
            source = format_helpers._format_callback_source(callback, handle._args or ())
        else:
            source = repr(handle)
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            message = f"{type(exc).__name__} raised in callback {source}"
        else:
            message = f"Exception in callback {source}"
        self.call_exception_handler({"message": message, "exception": exc, "handle": handle})

    # -- errors ---------------------------------------------------------------
    def _qpanel_task_failed(self, task):
        """A task failed and nothing awaits it. asyncio reports its exception
        when the task is collected, which a task the app keeps never is: an
        app's task (run in its Context, as now) whose exception nobody retrieved
        within _UNRETRIEVED_GRACE seconds is reported then."""
        if owner_var.get() is None:
            return
        failed = weakref.ref(task)  # if collected first, asyncio's report comes then

        def report_unretrieved():
            task = failed()
            if task is None or not task._log_traceback:
                return
            self.call_exception_handler({"message": "Task exception was never retrieved",
                                         "exception": task.exception(), "future": task})

        self.call_later(_UNRETRIEVED_GRACE, report_unretrieved)

    def set_report_hook(self, hook):
        """hook(text, context) receives what the default exception handler
        reports (None: write it to sys.stderr)."""
        if hook is not None and not callable(hook):
            raise TypeError(f"set_report_hook(): a callable or None was expected, got {hook!r}")
        self._report_hook = hook

    def default_exception_handler(self, context):
        text = _format_context(context)
        hook = self._report_hook
        if hook is not None:
            hook(text, context)
        else:
            sys.stderr.write(text + "\n")
            sys.stderr.flush()

    # -- one app's activity and teardown -------------------------------------
    def _qpanel_owner_tasks(self, token):
        """`token`'s tasks not done: qpanel's (they carry their owner), then
        asyncio.Tasks from a task factory (in _owned_tasks)."""
        yield from self._pending_tasks(token)
        yield from (t for t in self._owned_tasks.get(token, ()) if not t.done())

    def _qpanel_owner_handles(self, token):
        """`token`'s callbacks and timers still pending."""
        return (h for h in self._pending_handles() if not h.cancelled() and _owned_by(h, token))

    def _qpanel_owner_activity(self, token):
        """(asyncio tasks not done, callbacks and timers pending) of `token`'s app."""
        return (sum(1 for _ in self._qpanel_owner_tasks(token)),
                sum(1 for _ in self._qpanel_owner_handles(token)))

    def _qpanel_owner_busy(self, token):
        """Whether `token`'s app has anything pending: stops at the first, as
        the CLI asks it every 10 ms however many thousand tasks are in flight."""
        return (self._has_pending_task(token) or
                any(True for _ in self._qpanel_owner_tasks(token)) or
                any(True for _ in self._qpanel_owner_handles(token)))

    def _qpanel_close_owner(self, token):
        """Cancels and unwinds what `token`'s app scheduled; see asyncioloop.h."""
        if token.closed:
            return 0
        if tasks.current_task(self) is not None:
            raise RuntimeError(
                "closeAsyncioLoopResources() must be called from the Qt event loop, not from "
                "inside an asyncio task")

        def mine(handle):
            return _owned_by(handle, token)

        owned = list(self._qpanel_owner_tasks(token))
        self._owned_tasks.pop(token, None)
        for task in owned:
            task.cancel()
        for fd, key in list(self._selector.get_map().items()):
            if any(h is not None and mine(h) for h in key.data):
                transport = self._transports.get(fd)
                if transport is not None:
                    transport.abort()
                else:
                    self._remove_reader(fd)
                    self._remove_writer(fd)
        # Let the cancelled tasks unwind now, while the app's objects exist:
        # CancelledError at their awaits, their finally blocks, the transports'
        # connection_lost. Each handle is cancelled once run, so the Qt pass
        # does not run it again.
        def my_context(context):
            return context.get(owner_var) is token

        for _ in range(16):
            ran = self._run_queued_steps(my_context)  # the Tasks' steps (no Handles)
            ready = [h for h in self._pending_handles()
                     if not h.cancelled() and not isinstance(h, _qpanel_loop.TimerHandle)
                     and mine(h)]
            if not ready and not ran:
                break
            for handle in ready:
                if not handle.cancelled():
                    handle._run()
                    handle.cancel()
        # A task that swallowed the cancellation and awaits again is closed:
        # GeneratorExit now rather than at garbage collection, after the app.
        for task in owned:
            if not task.done():
                coro = task.get_coro()
                try:
                    coro.close()
                except BaseException as exc:  # reported, never resumed later
                    self.call_exception_handler({
                        "message": "Closing a task of a closed app raised", "exception": exc,
                        "task": task})
        token.closed = True
        _qpanel_loop._owner_closed()
        for handle in self._pending_handles():
            if mine(handle):
                handle.cancel()
        return len(owned)


class _AllTasks:
    """asyncio.tasks._all_tasks (the WeakSet asyncio.all_tasks() lists) plus
    the pending Tasks of qpanel's loop, which are not in it (registering each
    in a Python WeakSet was a third of a task's cost)."""

    def __init__(self, tasks):
        self._asyncio_tasks = tasks

    def __iter__(self):
        yield from list(self._asyncio_tasks)
        if _loop is not None:
            yield from _loop._pending_tasks()

    def __len__(self):
        return len(self._asyncio_tasks) + (len(_loop._pending_tasks()) if _loop else 0)

    def add(self, task):
        self._asyncio_tasks.add(task)

    def discard(self, task):
        self._asyncio_tasks.discard(task)


def context_of(carrier):
    """The contextvars.Context a handle or task runs in (None if it has none):
    get_context() of Handles and 3.12-style tasks, else asyncio.Handle's _context."""
    get_context = getattr(carrier, "get_context", None)
    if get_context is not None:
        return get_context()
    return getattr(carrier, "_context", None)


def _owned_by(handle, token):
    context = context_of(handle)
    return context is not None and context.get(owner_var) is token


_loop = None


def install():
    """Creates the loop (once) and makes it current and running on this thread."""
    global _loop
    if _loop is None:
        _loop = QtEventLoop()
        if not isinstance(tasks._all_tasks, _AllTasks):
            tasks._all_tasks = _AllTasks(tasks._all_tasks)
    events._set_running_loop(_loop)
    asyncio.set_event_loop(_loop)
    sys.set_asyncgen_hooks(firstiter=_loop._asyncgen_firstiter_hook,
                           finalizer=_loop._asyncgen_finalizer_hook)
    return _loop


def owner_context(owner):
    """A contextvars.Context (a copy of the current one) that marks what runs
    in it as `owner`'s app."""
    context = contextvars.copy_context()
    context.run(owner_var.set, _OwnerToken(owner))
    return context


def close_owner(context):
    if not isinstance(context, contextvars.Context):
        raise TypeError("closeAsyncioLoopResources(): expected the contextvars.Context from "
                        f"asyncioOwnerContext(), got {context!r}")
    token = context.get(owner_var)
    if token is None:
        raise ValueError("closeAsyncioLoopResources(): this Context has no qpanel owner; make it "
                         "with asyncioOwnerContext()")
    if _loop is None:
        return 0
    # Run inside the app's context: what the teardown schedules (connection_lost
    # of aborted transports) is the app's too, so it runs now or is dropped.
    return context.copy().run(_loop._qpanel_close_owner, token)


def _open_token(context):
    """The owner token of an app's Context while it and the loop are open, else None."""
    token = context.get(owner_var)
    return None if _loop is None or token is None or token.closed else token


def owner_activity(context):
    """(asyncio tasks, callbacks and timers) still pending of the app whose
    Context this is (made by owner_context)."""
    token = _open_token(context)
    return (0, 0) if token is None else _loop._qpanel_owner_activity(token)


def owner_busy(context):
    """owner_activity(context) != (0, 0), without counting."""
    token = _open_token(context)
    return token is not None and _loop._qpanel_owner_busy(token)


def current_owner():
    """The owner (as given to owner_context) of the app whose code runs now,
    by the current Context; None outside any app's."""
    token = owner_var.get()
    return None if token is None or token.closed else token.owner
