# needs: localhost
"""TLS: aiohttp over HTTPS against a local server with the test certificate."""
import asyncio
import os
import ssl

import aiohttp
from aiohttp import web

CERTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "certs")


async def hello(request):
    cipher = request.transport.get_extra_info("cipher") is not None
    return web.Response(text=f"secure hello, tls={request.secure}, cipher={cipher}")


async def main():
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_context.load_cert_chain(os.path.join(CERTS, "test.crt"), os.path.join(CERTS, "test.key"))
    client_context = ssl.create_default_context(cafile=os.path.join(CERTS, "test.crt"))
    app = web.Application()
    app.add_routes([web.get("/", hello), web.post("/size", lambda r: size(r))])
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=server_context)
    await site.start()
    port = runner.addresses[0][1]
    try:
        async with aiohttp.ClientSession() as session:
            async with session.get(f"https://127.0.0.1:{port}/", ssl=client_context) as r:
                print(r.status, await r.text())
            payload = b"x" * 300_000
            async with session.post(f"https://localhost:{port}/size", data=payload,
                                    ssl=client_context) as r:
                print("posted", await r.text())
            try:
                async with session.get(f"https://127.0.0.1:{port}/") as r:
                    print("unexpected", r.status)
            except aiohttp.ClientConnectorCertificateError as e:
                print("untrusted certificate refused:", type(e.certificate_error).__name__)
    finally:
        await runner.cleanup()


async def size(request):
    body = await request.read()
    return web.Response(text=str(len(body)))


if __name__ == "__main__":
    asyncio.run(main())
