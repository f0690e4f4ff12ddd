"""aiohttp: a local web server and a ClientSession, GET, POST (form and JSON), streaming."""
import asyncio

import aiohttp
from aiohttp import web


async def hello(request):
    return web.Response(text=f"hello {request.query.get('name', 'nobody')}")


async def echo(request):
    if request.content_type == "application/json":
        data = await request.json()
        return web.json_response({"got": data, "method": request.method})
    form = await request.post()
    return web.json_response({"form": dict(form)})


async def chunks(request):
    response = web.StreamResponse()
    await response.prepare(request)
    for i in range(3):
        await response.write(f"chunk{i};".encode())
        await asyncio.sleep(0.005)
    await response.write_eof()
    return response


async def main():
    app = web.Application()
    app.add_routes([web.get("/hello", hello), web.post("/echo", echo), web.get("/chunks", chunks)])
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    base = f"http://127.0.0.1:{port}"
    try:
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{base}/hello", params={"name": "qpanel"}) as r:
                print(r.status, await r.text())
            async with session.post(f"{base}/echo", json={"x": [1, 2, 3]}) as r:
                print(r.status, await r.json())
            async with session.post(f"{base}/echo", data={"a": "1", "b": "two"}) as r:
                print(r.status, await r.json())
            async with session.get(f"{base}/chunks") as r:
                print(r.status, [chunk async for chunk in r.content.iter_any()] != [],
                      (await r.read()) == b"" or True)
            async with session.get(f"{base}/chunks") as r:
                print(await r.text())
            async with session.get(f"{base}/missing") as r:
                print(r.status)
            results = await asyncio.gather(*(session.get(f"{base}/hello?name={i}") for i in range(5)))
            print([await r.text() for r in results])
            for r in results:
                r.release()
            try:
                await session.get(f"{base}/hello", timeout=aiohttp.ClientTimeout(total=1e-9))
            except asyncio.TimeoutError:
                print("client timeout raised TimeoutError")
    finally:
        await runner.cleanup()


if __name__ == "__main__":
    asyncio.run(main())
