# needs: localhost
"""getaddrinfo / getnameinfo through the executor; create_connection by name."""
import asyncio
import socket


async def main():
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo("127.0.0.1", 8080, type=socket.SOCK_STREAM)
    print(sorted((family.name, sockaddr) for family, _, _, _, sockaddr in infos))
    infos = await loop.getaddrinfo("localhost", 80, family=socket.AF_INET, type=socket.SOCK_STREAM)
    print(sorted({sockaddr[0] for *_, sockaddr in infos}))
    print(await loop.getnameinfo(("127.0.0.1", 22), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
    server = await asyncio.start_server(lambda r, w: w.close(), "localhost", 0, family=socket.AF_INET)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("localhost", port)
    print("eof from the server:", await reader.read() == b"")
    writer.close()
    server.close()
    await server.wait_closed()
    try:
        await loop.getaddrinfo("name.invalid", 80)
    except socket.gaierror:
        print("gaierror for an unknown name")


if __name__ == "__main__":
    asyncio.run(main())
