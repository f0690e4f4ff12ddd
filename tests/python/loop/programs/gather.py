"""gather: results in argument order, return_exceptions, a failing child."""
import asyncio


async def value(v, delay):
    await asyncio.sleep(delay)
    print("finished", v)
    return v


async def fails(delay):
    await asyncio.sleep(delay)
    raise ValueError(f"failed after {delay}")


async def main():
    print(await asyncio.gather(value("a", 0.03), value("b", 0.01), value("c", 0.02)))
    print(await asyncio.gather(value(1, 0), fails(0.01), return_exceptions=True))
    try:
        await asyncio.gather(fails(0.01), value("slow", 0.05))
    except ValueError as e:
        print("gather raised", repr(e))
    print(await asyncio.gather())
    await asyncio.sleep(0.06)  # the slow child still finishes


if __name__ == "__main__":
    asyncio.run(main())
