"""loop.sock_*: accept, connect, sendall, recv, recv_into; add_reader/add_writer."""
import asyncio
import socket


async def main():
    loop = asyncio.get_running_loop()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.setblocking(False)
    port = listener.getsockname()[1]
    client = socket.socket()
    client.setblocking(False)
    accepted, (conn, _) = await asyncio.gather(loop.sock_connect(client, ("127.0.0.1", port)),
                                               loop.sock_accept(listener))
    print("connected:", accepted is None)
    conn.setblocking(False)
    await loop.sock_sendall(client, b"ping" * 100_000)
    received = bytearray()
    while len(received) < 400_000:
        received += await loop.sock_recv(conn, 65536)
    print("received", len(received), bytes(received[:8]))
    await loop.sock_sendall(conn, b"pong")
    buf = bytearray(16)
    n = await loop.sock_recv_into(client, buf)
    print("recv_into", n, bytes(buf[:n]))
    readable = loop.create_future()
    loop.add_reader(client.fileno(), lambda: readable.done() or readable.set_result("readable"))
    writable = loop.create_future()
    loop.add_writer(conn.fileno(), lambda: writable.done() or writable.set_result("writable"))
    print(await writable, "removed:", loop.remove_writer(conn.fileno()))
    conn.send(b"!")
    print(await readable, "removed:", loop.remove_reader(client.fileno()),
          "again:", loop.remove_reader(client.fileno()))
    print(client.recv(1))
    conn.close()
    print("eof:", await loop.sock_recv(client, 10))
    client.close()
    listener.close()


if __name__ == "__main__":
    asyncio.run(main())
