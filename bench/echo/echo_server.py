#!/usr/bin/env python3
"""The asyncio and uvloop servers of the TCP echo benchmark (bench/run-echo.sh).

Each connection reads up to 64 KiB, writes it back and drains, until EOF: the streams echo of
uvloop's examples/bench/echoserver.py, with the same read size as aio4j's AioEchoServer. Prints
"READY port=N" once it listens and serves until killed.

    echo_server.py [--loop asyncio|uvloop] [--host 127.0.0.1] [--port 0]
"""
import argparse
import asyncio
import socket
import sys

READ_SIZE = 64 * 1024


async def echo(reader, writer):
    sock = writer.get_extra_info("socket")
    if sock is not None:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        while True:
            data = await reader.read(READ_SIZE)
            if not data:
                break
            writer.write(data)
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


async def serve(host, port, loop_name):
    server = await asyncio.start_server(echo, host, port)
    bound = server.sockets[0].getsockname()[1]
    print(f"READY port={bound} ({loop_name} streams, Python {sys.version.split()[0]})", flush=True)
    async with server:
        await server.serve_forever()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--loop", choices=["asyncio", "uvloop"], default="asyncio")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0)
    args = p.parse_args()
    name = "asyncio"
    if args.loop == "uvloop":
        import uvloop
        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
        name = f"uvloop {uvloop.__version__}"
    asyncio.run(serve(args.host, args.port, name))


if __name__ == "__main__":
    main()
