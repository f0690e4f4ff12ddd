"""Event, Lock, Semaphore, Condition, Barrier: order of wake-ups."""
import asyncio


async def main():
    order = []
    lock = asyncio.Lock()

    async def locked(name):
        async with lock:
            order.append(f"{name} in")
            await asyncio.sleep(0.001)
            order.append(f"{name} out")

    await asyncio.gather(*(locked(n) for n in "abc"))
    print(order)
    sem = asyncio.Semaphore(2)
    active, peak = 0, 0

    async def limited():
        nonlocal active, peak
        async with sem:
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0.002)
            active -= 1

    await asyncio.gather(*(limited() for _ in range(6)))
    print("peak", peak)
    event = asyncio.Event()
    woken = []

    async def waiter(i):
        await event.wait()
        woken.append(i)

    tasks = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    event.set()
    await asyncio.gather(*tasks)
    print("woken", woken)
    cond = asyncio.Condition()
    items = []

    async def consumer():
        async with cond:
            await cond.wait_for(lambda: items)
            return items.pop()

    c = asyncio.create_task(consumer())
    await asyncio.sleep(0)
    async with cond:
        items.append("item")
        cond.notify()
    print("consumed", await c)
    barrier = asyncio.Barrier(3)
    passed = []

    async def party(i):
        await barrier.wait()
        passed.append(i)

    await asyncio.gather(*(party(i) for i in range(3)))
    print("barrier passed", sorted(passed))


if __name__ == "__main__":
    asyncio.run(main())
