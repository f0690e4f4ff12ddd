"""What a Task is, seen from user code: the Future protocol, names, repr,
cancellation messages through chains of awaits, done callbacks and their
context, errors of misuse, and the exception handler's words for an
exception nobody retrieved and for a task destroyed while pending."""
import asyncio
import collections.abc
import contextvars
import gc
import inspect
import re

var = contextvars.ContextVar("var", default="unset")


async def value(x):
    await asyncio.sleep(0)
    return x


async def boom(text):
    await asyncio.sleep(0)
    raise ValueError(text)


async def sleeper(log, name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        log.append(f"{name} cancelled: {e.args}")
        raise


async def middle(log):
    inner = asyncio.create_task(sleeper(log, "inner"))
    try:
        await inner
    except asyncio.CancelledError as e:
        log.append(f"middle got: {e.args}, inner.cancelled()={inner.cancelled()}")
        raise


def shape(text):
    """A repr without addresses, paths and line numbers."""
    text = re.sub(r" at 0x[0-9a-f]+", "", text)
    text = re.sub(r"(running|defined) at [^>]*>", r"\1 at ...>", text)
    return re.sub(r"Task-\d+", "Task-N", text)


async def protocol():
    t = asyncio.create_task(value(1), name="p")
    print("isfuture:", asyncio.isfuture(t), "iscoroutine:", asyncio.iscoroutine(t))
    print("awaitable:", isinstance(t, collections.abc.Awaitable), inspect.isawaitable(t))
    print("ensure_future is itself:", asyncio.ensure_future(t) is t)
    print("get_loop is running loop:", t.get_loop() is asyncio.get_running_loop())
    print("pending repr:", shape(repr(t)))
    for call in (t.result, t.exception):
        try:
            call()
        except asyncio.InvalidStateError as e:
            print(f"{call.__name__}() pending:", type(e).__name__, e)
    print("await:", await t, "result:", t.result(), "exception:", t.exception())
    print("done repr:", shape(repr(t)))
    for call, arg in ((t.set_result, 2), (t.set_exception, ValueError())):
        try:
            call(arg)
        except RuntimeError as e:
            print(f"{call.__name__}():", e)
    print("iter works:", await asyncio.wait_for(t, 1))
    unnamed = asyncio.create_task(value(2))
    print("default name:", re.fullmatch(r"Task-\d+", unnamed.get_name()) is not None)
    unnamed.set_name(42)
    print("set_name(42):", repr(unnamed.get_name()))
    numbered = asyncio.create_task(value(3), name=7)
    print("named by number:", repr(numbered.get_name()))
    print("listed:", {t, unnamed, numbered} & asyncio.all_tasks() == {unnamed, numbered})
    print("gathered:", await asyncio.gather(unnamed, numbered))
    try:
        asyncio.get_running_loop().create_task(value)
    except TypeError as e:
        print("not a coroutine:", shape(str(e)))


async def errors():
    t = asyncio.create_task(boom("bad"), name="b")
    try:
        await t
    except ValueError as e:
        print("await raised:", repr(e), "same object:", t.exception() is e)

    async def self_await():
        await asyncio.sleep(0)
        await me

    me = asyncio.create_task(self_await(), name="self")
    try:
        await me
    except RuntimeError as e:
        print("self await:", shape(str(e)).split(":")[0])

    async def bad_yield():
        yield_result = await _BadAwaitable()
        return yield_result

    try:
        await asyncio.create_task(bad_yield(), name="bad-yield")
    except RuntimeError as e:
        print("bad yield:", str(e).split(":")[0])


class _BadAwaitable:
    def __await__(self):
        yield 42


async def cancellation():
    log = []
    outer = asyncio.create_task(middle(log), name="outer")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("cancel(msg):", outer.cancel("shutting down"), "cancelling():", outer.cancelling())
    try:
        await outer
    except asyncio.CancelledError as e:
        print("outer raised:", e.args)
    print(log)
    print("cancelled repr:", shape(repr(outer)))
    print("cancel done one:", outer.cancel(), "cancelling():", outer.cancelling())

    async def counting():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            t = asyncio.current_task()
            print("cancelling() twice:", t.cancelling(), "uncancel:", t.uncancel(), t.uncancel())
            return "swallowed"

    c = asyncio.create_task(counting())
    await asyncio.sleep(0)
    c.cancel()
    c.cancel()
    print(await c)

    async def timed():
        async with asyncio.timeout(0.01):
            await asyncio.sleep(10)

    try:
        await asyncio.create_task(timed())
    except TimeoutError:
        print("timeout on a task: TimeoutError")
    # cancel() while it runs: raised at its next await
    async def self_cancel():
        asyncio.current_task().cancel("from inside")
        try:
            await asyncio.sleep(0)
        except asyncio.CancelledError as e:
            print("self cancel raised at the await:", e.args)
            raise

    s = asyncio.create_task(self_cancel())
    try:
        await s
    except asyncio.CancelledError:
        print("self cancelled:", s.cancelled())
    shielded = asyncio.create_task(value("shielded"))

    async def shield_it():
        return await asyncio.shield(shielded)

    waiter = asyncio.create_task(shield_it())
    await asyncio.sleep(0)
    waiter.cancel()
    print("shield:", await shielded, await asyncio.gather(waiter, return_exceptions=True))


async def callbacks():
    loop = asyncio.get_running_loop()
    order = []
    t = asyncio.create_task(value("x"))
    var.set("at add")
    t.add_done_callback(lambda f: order.append(("first", f.result(), var.get())))
    ctx = contextvars.Context()
    ctx.run(var.set, "given")
    t.add_done_callback(lambda f: order.append(("second", var.get())), context=ctx)

    def removed(f):
        order.append("removed one ran")

    t.add_done_callback(removed)
    t.add_done_callback(removed)
    print("removed:", t.remove_done_callback(removed), t.remove_done_callback(removed))
    await t
    await asyncio.sleep(0)
    t.add_done_callback(lambda f: order.append("after done"))
    await asyncio.sleep(0)
    print(order)
    fut = loop.create_future()
    waiting = asyncio.create_task(asyncio.wait_for(fut, 5))
    await asyncio.sleep(0)
    loop.call_soon(fut.set_result, "future value")
    print("wait_for a future:", await waiting)


async def reported():
    loop = asyncio.get_running_loop()
    seen = []
    loop.set_exception_handler(lambda loop, context: seen.append(context))
    t = asyncio.create_task(boom("never retrieved"), name="lost")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("done, not retrieved:", t.done())
    del t
    gc.collect()

    async def forever():
        await loop.create_future()

    p = asyncio.create_task(forever(), name="dropped")
    await asyncio.sleep(0)
    del p
    gc.collect()
    await asyncio.sleep(0)
    for context in seen:
        subject = context.get("future") or context.get("task")
        print("handler:", context["message"], "|", subject.get_name(),
              "|", repr(context.get("exception")))
    loop.set_exception_handler(None)


async def main():
    await protocol()
    await errors()
    await cancellation()
    await callbacks()
    await reported()


if __name__ == "__main__":
    asyncio.run(main())
