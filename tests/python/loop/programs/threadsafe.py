"""call_soon_threadsafe from threads; run_coroutine_threadsafe."""
import asyncio
import threading


async def double(x):
    await asyncio.sleep(0.01)
    return 2 * x


async def main():
    loop = asyncio.get_running_loop()
    main_thread = threading.get_ident()
    results = []
    done = asyncio.Event()

    def on_loop(i):
        results.append((i, threading.get_ident() == main_thread))
        if len(results) == 3:
            done.set()

    def worker(i):
        loop.call_soon_threadsafe(on_loop, i)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    await done.wait()
    for t in threads:
        t.join()
    print(sorted(results))

    answer = []

    def from_thread():
        future = asyncio.run_coroutine_threadsafe(double(21), loop)
        answer.append(future.result(timeout=10))

    t = threading.Thread(target=from_thread)
    t.start()
    while t.is_alive():
        await asyncio.sleep(0.005)
    print("run_coroutine_threadsafe:", answer)


if __name__ == "__main__":
    asyncio.run(main())
