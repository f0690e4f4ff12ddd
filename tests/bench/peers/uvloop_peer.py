"""uvloop peer for bench_pyloop: asyncio_peer's task shapes on uvloop's loop.

usage: uvloop_peer.py spawn N...  -> "spawn_N <us per task>", "spawn_cpu_N <us per task>"
       uvloop_peer.py gets N      -> "gets_N <GETs per second>", "gets_cpu_N <per CPU second>"
"""
import asyncio
import os
import sys

import uvloop  # noqa: F401 (its policy is set below)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import asyncio_peer  # noqa: E402
import aiohttp_peer  # noqa: E402


def main():
    mode = sys.argv[1]
    for arg in sys.argv[2:]:
        n = int(arg)
        if mode == "spawn":
            runs = max(1, min(5, 1_000_000 // n))
            best = min(asyncio.run(asyncio_peer.spawn_yield_finish(n)) for _ in range(runs))
            print(f"spawn_{n} {best / n * 1e6:.4f}", flush=True)
            best = min(asyncio.run(asyncio_peer.spawn_yield_finish_cpu(n)) for _ in range(runs))
            print(f"spawn_cpu_{n} {best / n * 1e6:.4f}", flush=True)
        elif mode == "gets":
            print(f"gets_{n} {max(asyncio.run(aiohttp_peer.gets_per_second(n)) for _ in range(3)):.1f}")
            best = max(asyncio.run(aiohttp_peer.gets_per_cpu_second(n)) for _ in range(3))
            print(f"gets_cpu_{n} {best:.1f}")


if __name__ == "__main__":
    asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    main()
