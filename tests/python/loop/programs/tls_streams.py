"""TLS on asyncio streams: start_server(ssl=) / open_connection(ssl=), start_tls."""
import asyncio
import os
import ssl

CERTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "certs")


async def handle(reader, writer):
    line = await reader.readline()
    version = writer.get_extra_info("ssl_object").version() is not None
    writer.write(b"secure " + line)
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    handle.versions.append(version)


handle.versions = []


async def main():
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ctx.load_cert_chain(os.path.join(CERTS, "test.crt"), os.path.join(CERTS, "test.key"))
    client_ctx = ssl.create_default_context(cafile=os.path.join(CERTS, "test.crt"))
    server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=server_ctx)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port, ssl=client_ctx,
                                                   server_hostname="localhost")
    writer.write(b"hello over tls\n")
    await writer.drain()
    print((await reader.readline()).decode().strip())
    print("eof:", await reader.read() == b"")
    writer.close()
    await writer.wait_closed()
    try:
        await asyncio.open_connection("127.0.0.1", port, ssl=ssl.create_default_context(),
                                      server_hostname="localhost")
    except ssl.SSLCertVerificationError as e:
        print("verification failed:", e.verify_message)
    # Upgrade a plain connection with start_tls.
    plain = await asyncio.start_server(upgrade_handler(server_ctx), "127.0.0.1", 0)
    port2 = plain.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port2)
    writer.write(b"STARTTLS\n")
    await writer.drain()
    print((await reader.readline()).decode().strip())
    await writer.start_tls(client_ctx, server_hostname="localhost")
    writer.write(b"after upgrade\n")
    print((await reader.readline()).decode().strip())
    writer.close()
    await writer.wait_closed()
    for s in (server, plain):
        s.close()
        await s.wait_closed()
    print("server saw tls:", handle.versions)


def upgrade_handler(ctx):
    async def handler(reader, writer):
        await reader.readline()
        writer.write(b"OK go ahead\n")
        await writer.drain()
        await writer.start_tls(ctx)
        line = await reader.readline()
        writer.write(b"tls: " + line)
        await writer.drain()
        writer.close()
    return handler


if __name__ == "__main__":
    asyncio.run(main())
