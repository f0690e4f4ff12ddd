"""Async generators: async for, comprehensions, aclose with finally, athrow."""
import asyncio


async def ticker(n, log):
    try:
        for i in range(n):
            await asyncio.sleep(0.001)
            yield i
    finally:
        log.append("ticker closed")


async def main():
    log = []
    print([i async for i in ticker(4, log)])
    print(log)
    gen = ticker(100, log)
    print(await gen.__anext__(), await anext(gen))
    await gen.aclose()
    print(log)
    async def echo():
        received = None
        while True:
            try:
                received = yield received
            except ValueError as e:
                received = f"caught {e}"
    e = echo()
    await e.asend(None)
    print(await e.asend("hi"), await e.athrow(ValueError("bad")))
    await e.aclose()
    total = 0
    async for i in ticker(5, log):
        if i == 2:
            break
        total += i
    print("total", total)
    loop = asyncio.get_running_loop()
    await loop.shutdown_asyncgens()
    print(log)


if __name__ == "__main__":
    asyncio.run(main())
