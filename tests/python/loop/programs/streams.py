"""Streams: start_server / open_connection, readline, readexactly, drain, EOF."""
import asyncio


async def handle(reader, writer):
    peer_is_local = writer.get_extra_info("peername")[0] == "127.0.0.1"
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(b"echo " + line.upper())
        await writer.drain()
    writer.write(f"bye local={peer_is_local}\n".encode())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print("serving:", server.is_serving())
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for word in (b"one", b"two", b"three"):
        writer.write(word + b"\n")
        await writer.drain()
        print((await reader.readline()).decode().strip())
    big = b"z" * 60_000  # below readline's 64 KiB limit
    writer.write(big + b"\n")
    await writer.drain()
    reply = await reader.readexactly(5 + len(big) + 1)
    print("big echo ok:", reply == b"echo " + big.upper() + b"\n")
    writer.write_eof()
    print((await reader.readline()).decode().strip())
    print("at eof:", await reader.read() == b"", reader.at_eof())
    writer.close()
    await writer.wait_closed()
    try:
        await reader.readexactly(1)
    except asyncio.IncompleteReadError as e:
        print("IncompleteReadError", e.partial)
    server.close()
    await server.wait_closed()
    print("serving:", server.is_serving())
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError:
        print("refused after close")


if __name__ == "__main__":
    asyncio.run(main())
