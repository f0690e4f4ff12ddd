"""A finished task nobody holds is freed at once (by reference counting, no
garbage collection), so its 'exception was never retrieved' comes then."""
import asyncio
import gc
import weakref


async def fails():
    await asyncio.sleep(0)
    raise OSError("disk on fire")


async def succeeds():
    await asyncio.sleep(0)
    return 1


async def main():
    gc.disable()
    loop = asyncio.get_running_loop()
    reported = []
    loop.set_exception_handler(lambda _loop, context: reported.append(context["message"]))
    try:
        for coro in (succeeds, fails):
            task = asyncio.create_task(coro())
            await asyncio.sleep(0.01)
            ref = weakref.ref(task)
            del task
            print(coro.__name__, "freed without gc:", ref() is None)
        print("reported:", reported)
    finally:
        loop.set_exception_handler(None)
        gc.enable()


if __name__ == "__main__":
    asyncio.run(main())
