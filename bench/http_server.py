"""The hello-world server for the HTTP server benchmark, in aiohttp.web (asyncio or uvloop).

    python3 http_server.py PORT [asyncio|uvloop]
"""
import sys

from aiohttp import web


async def hello(request):
    return web.Response(text="Hello, World!")


if __name__ == "__main__":
    port = int(sys.argv[1])
    if len(sys.argv) > 2 and sys.argv[2] == "uvloop":
        import uvloop
        uvloop.install()
    app = web.Application()
    app.router.add_get("/", hello)
    web.run_app(app, host="127.0.0.1", port=port, access_log=None, print=None)
