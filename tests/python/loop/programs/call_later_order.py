"""call_soon / call_later / call_at ordering and TimerHandle.cancel."""
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    order = []
    done = loop.create_future()
    loop.call_later(0.03, order.append, "later 0.03")
    loop.call_later(0.01, order.append, "later 0.01")
    h = loop.call_later(0.02, order.append, "cancelled one")
    loop.call_at(loop.time() + 0.02, order.append, "at +0.02")
    loop.call_soon(order.append, "soon 1")
    loop.call_later(0, order.append, "later 0")
    loop.call_soon(order.append, "soon 2")
    h.cancel()
    print("cancelled:", h.cancelled(), "when is a float:", isinstance(h.when(), float))
    loop.call_later(0.05, done.set_result, None)
    await done
    print(order)
    nested = []

    def first():
        nested.append("first")
        loop.call_soon(nested.append, "scheduled by first")

    loop.call_soon(first)
    loop.call_soon(nested.append, "second")
    await asyncio.sleep(0.01)
    print(nested)
    t0 = loop.time()
    await asyncio.sleep(0.05)
    print("slept at least 0.05:", loop.time() - t0 >= 0.05)


if __name__ == "__main__":
    asyncio.run(main())
