"""wait_for and asyncio.timeout: timeouts cancel the inner await."""
import asyncio


async def slow(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("inner cancelled")
        raise


async def main():
    log = []
    try:
        await asyncio.wait_for(slow(log), timeout=0.02)
    except asyncio.TimeoutError:
        print("wait_for timed out", log)
    print("wait_for result", await asyncio.wait_for(asyncio.sleep(0.01, "ok"), timeout=1))
    try:
        async with asyncio.timeout(0.02) as cm:
            await asyncio.sleep(10)
    except TimeoutError:
        print("timeout() expired:", cm.expired())
    async with asyncio.timeout(None) as cm:
        cm.reschedule(asyncio.get_running_loop().time() + 1)
        await asyncio.sleep(0.01)
    print("rescheduled, expired:", cm.expired())
    try:
        async with asyncio.timeout_at(asyncio.get_running_loop().time() + 0.01):
            await asyncio.Event().wait()
    except TimeoutError:
        print("timeout_at expired")
    print("current task still alive:", not asyncio.current_task().cancelled())


if __name__ == "__main__":
    asyncio.run(main())
