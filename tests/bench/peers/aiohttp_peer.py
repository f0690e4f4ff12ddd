"""aiohttp peer for bench_pyloop: GETs per second from a local aiohttp server,
one ClientSession, sequential requests (the loop's I/O path, not the server's
parallelism).

usage: aiohttp_peer.py gets N -> "gets_N <GETs per second>" (wall clock) and
                                 "gets_cpu_N <GETs per CPU second>" (process CPU time),
                                 asyncio's loop
"""
import asyncio
import sys
import time

import aiohttp
from aiohttp import web


async def gets_per_second(n, clock=time.perf_counter):
    async def hello(request):
        return web.Response(text="hello")

    app = web.Application()
    app.add_routes([web.get("/", hello)])
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    url = f"http://127.0.0.1:{runner.addresses[0][1]}/"
    try:
        async with aiohttp.ClientSession() as session:
            for _ in range(20):  # warm-up: connection pool, code paths
                async with session.get(url) as r:
                    await r.read()
            start = clock()
            for _ in range(n):
                async with session.get(url) as r:
                    await r.read()
            return n / (clock() - start)
    finally:
        await runner.cleanup()


async def gets_per_cpu_second(n):
    """The same per CPU second: on a loaded shared machine wall time mostly
    measures waiting for a core."""
    return await gets_per_second(n, time.process_time)


def main():
    if sys.argv[1] == "gets":
        for arg in sys.argv[2:]:
            n = int(arg)
            print(f"gets_{n} {max(asyncio.run(gets_per_second(n)) for _ in range(3)):.1f}")
            best = max(asyncio.run(gets_per_cpu_second(n)) for _ in range(3))
            print(f"gets_cpu_{n} {best:.1f}")


if __name__ == "__main__":
    main()
