"""run_in_executor: default and custom executors, exceptions, many jobs."""
import asyncio
import concurrent.futures
import threading
import time


def blocking(x):
    time.sleep(0.01)
    return x * 10, threading.current_thread() is not threading.main_thread()


def fails():
    raise KeyError("from the executor")


async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, blocking, 4))
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, blocking, i) for i in range(5)))
    print(results)
    try:
        await loop.run_in_executor(None, fails)
    except KeyError as e:
        print("raised", repr(e))
    fut = loop.run_in_executor(None, blocking, 7)
    print("is an asyncio future:", asyncio.isfuture(fut))
    print(await fut)
    cf = concurrent.futures.Future()
    wrapped = asyncio.wrap_future(cf)
    threading.Thread(target=lambda: cf.set_result("wrapped")).start()
    print(await wrapped)


if __name__ == "__main__":
    asyncio.run(main())
