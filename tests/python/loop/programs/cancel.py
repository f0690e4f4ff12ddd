"""create_task + cancel: CancelledError at the await, finally, messages, uncancel."""
import asyncio


async def worker(log):
    log.append("started")
    try:
        await asyncio.sleep(10)
        log.append("not reached")
    except asyncio.CancelledError as e:
        log.append(f"cancelled at the await, args={e.args}")
        raise
    finally:
        log.append("finally")


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn swallowed it, cancelling()=", asyncio.current_task().cancelling())
        asyncio.current_task().uncancel()
    return "stubborn done"


async def main():
    log = []
    task = asyncio.create_task(worker(log), name="worker-1")
    await asyncio.sleep(0)
    print(task.get_name(), task.done(), log)
    print("cancel() ->", task.cancel("stop now"))
    try:
        await task
    except asyncio.CancelledError:
        print("awaiting it raised CancelledError")
    print(log, task.cancelled(), task.done())
    print("cancel again ->", task.cancel())
    never = asyncio.create_task(worker([]))
    never.cancel()
    await asyncio.sleep(0)
    print("cancelled before start:", never.cancelled())
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    s.cancel()
    print(await s)
    try:
        task.result()
    except asyncio.CancelledError:
        print("result() raises CancelledError")


if __name__ == "__main__":
    asyncio.run(main())
