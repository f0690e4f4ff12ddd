"""Futures: create_future, done callbacks order and context, exceptions, shield."""
import asyncio
import contextvars

var = contextvars.ContextVar("var", default="default")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    calls = []
    fut.add_done_callback(lambda f: calls.append(("first", f.result())))
    ctx = contextvars.copy_context()
    ctx.run(var.set, "in ctx")
    fut.add_done_callback(lambda f: calls.append(("ctx", var.get())), context=ctx)
    removed = fut.add_done_callback(print) or fut.remove_done_callback(print)
    loop.call_later(0.01, fut.set_result, 42)
    print("awaited", await fut, "removed", removed)
    await asyncio.sleep(0)
    print(calls)
    bad = loop.create_future()
    loop.call_soon(bad.set_exception, LookupError("nope"))
    try:
        await bad
    except LookupError as e:
        print("raised", e)
    try:
        fut.set_result(1)
    except asyncio.InvalidStateError:
        print("InvalidStateError")
    inner = asyncio.create_task(asyncio.sleep(0.02, "shielded result"))
    outer = asyncio.shield(inner)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled, inner cancelled:", inner.cancelled())
    print(await inner)
    done, pending = await asyncio.wait(
        [asyncio.create_task(asyncio.sleep(d, d)) for d in (0.3, 0.01, 0.2)],
        return_when=asyncio.FIRST_COMPLETED)
    print([t.result() for t in done], len(pending))
    for t in pending:
        t.cancel()
    print([await c for c in asyncio.as_completed([asyncio.sleep(d, d) for d in (0.1, 0.01)])])


if __name__ == "__main__":
    asyncio.run(main())
