"""Low-level transports and protocols: create_server/create_connection, pause/resume, datagrams."""
import asyncio


class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.transport.write(data[::-1])

    def eof_received(self):
        self.transport.close()


class Client(asyncio.Protocol):
    def __init__(self, done):
        self.done = done
        self.chunks = []

    def connection_made(self, transport):
        transport.write(b"abcdef")
        transport.write_eof()

    def data_received(self, data):
        self.chunks.append(data)

    def connection_lost(self, exc):
        self.done.set_result((b"".join(self.chunks), exc))


class Datagram(asyncio.DatagramProtocol):
    def __init__(self):
        self.received = asyncio.get_running_loop().create_future()

    def datagram_received(self, data, addr):
        if not self.received.done():
            self.received.set_result(data)


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    done = loop.create_future()
    transport, protocol = await loop.create_connection(lambda: Client(done), "127.0.0.1", port)
    print(await done)
    print("closing:", transport.is_closing())
    server.close()
    await server.wait_closed()
    receiver, rproto = await loop.create_datagram_endpoint(Datagram, local_addr=("127.0.0.1", 0))
    sender, _ = await loop.create_datagram_endpoint(
        asyncio.DatagramProtocol, remote_addr=receiver.get_extra_info("sockname"))
    sender.sendto(b"datagram")
    print(await rproto.received)
    sender.close()
    receiver.close()
    await asyncio.sleep(0)


if __name__ == "__main__":
    asyncio.run(main())
