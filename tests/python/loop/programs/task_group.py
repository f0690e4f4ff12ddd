"""TaskGroup: children finish, one fails -> siblings cancelled, ExceptionGroup."""
import asyncio


async def child(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(f"{name} failed")
        print(name, "done")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(child("a", 0.01))
        b = tg.create_task(child("b", 0.02))
    print(a.result(), b.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("ok", 0.001))
            tg.create_task(child("bad", 0.005, fail=True))
            tg.create_task(child("slow", 1))
    except* ValueError as eg:
        print("ExceptionGroup:", [str(e) for e in eg.exceptions])
    print("current task not cancelling:", asyncio.current_task().cancelling())


if __name__ == "__main__":
    asyncio.run(main())
