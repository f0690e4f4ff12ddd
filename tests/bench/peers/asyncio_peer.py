"""asyncio peer for bench_runtime: the same task shapes as qpanel's runtime.

usage: asyncio_peer.py spawn N...   -> "spawn_N <us per task>" (wall clock) and
                                        "spawn_cpu_N <us per task>" (process CPU time)
       asyncio_peer.py sleeps N MAX_MS -> "sleeps_N <total ms>" and "sleeps_overhead_N <us per task>"
"""
import asyncio
import random
import sys
import time


async def spawn_yield_finish(n, clock=time.perf_counter):
    done = 0
    finished = asyncio.Event()

    async def worker():
        nonlocal done
        await asyncio.sleep(0)
        done += 1
        if done == n:
            finished.set()

    start = clock()
    for _ in range(n):
        asyncio.create_task(worker())
    await finished.wait()
    return clock() - start


async def spawn_yield_finish_cpu(n):
    """The same in CPU time: on a loaded shared machine wall time mostly
    measures waiting for a core."""
    return await spawn_yield_finish(n, time.process_time)


async def random_sleeps(n, max_ms):
    rng = random.Random(42)
    delays = [rng.uniform(0, max_ms / 1000.0) for _ in range(n)]
    done = 0
    finished = asyncio.Event()

    async def worker(d):
        nonlocal done
        await asyncio.sleep(d)
        done += 1
        if done == n:
            finished.set()

    start = time.perf_counter()
    for d in delays:
        asyncio.create_task(worker(d))
    await finished.wait()
    return time.perf_counter() - start


def run_on_default_loop(coroutine_function, *args):
    """coroutine_function(*args) on a new asyncio default loop in this
    interpreter, also from inside another running loop (bench_pyloop runs it
    in qpanel's embedded interpreter: the same loop as the peer, on the same
    libpython as qpanel's loop)."""
    running = asyncio.events._get_running_loop()
    asyncio.events._set_running_loop(None)
    try:
        loop = asyncio.new_event_loop()
        try:
            return loop.run_until_complete(coroutine_function(*args))
        finally:
            loop.close()
    finally:
        asyncio.events._set_running_loop(running)


def main():
    mode = sys.argv[1]
    if mode == "spawn":
        for arg in sys.argv[2:]:
            n = int(arg)
            runs = max(1, min(5, 1_000_000 // n))
            best = min(asyncio.run(spawn_yield_finish(n)) for _ in range(runs))
            print(f"spawn_{n} {best / n * 1e6:.4f}", flush=True)
            best = min(asyncio.run(spawn_yield_finish_cpu(n)) for _ in range(runs))
            print(f"spawn_cpu_{n} {best / n * 1e6:.4f}", flush=True)
    elif mode == "sleeps":
        n, max_ms = int(sys.argv[2]), float(sys.argv[3])
        total = min(asyncio.run(random_sleeps(n, max_ms)) for _ in range(3))
        print(f"sleeps_{n} {total * 1e3:.3f}")
        print(f"sleeps_overhead_{n} {(total - max_ms / 1000.0) / n * 1e6:.4f}")


if __name__ == "__main__":
    main()
