"""The HTTP client workload for aiohttp, the same shape as io.aio4j.bench.http.HttpClientBench:
N GETs of one URL, at most C in flight over one ClientSession: the first round timed as "cold", a
second as "warm".

    python3 http_client.py URL [requests] [concurrency] [asyncio|uvloop]
"""
import asyncio
import sys
import time

import aiohttp


async def run(session, url, n, concurrency):
    left = iter(range(n))

    async def worker():
        for _ in left:
            async with session.get(url) as r:
                body = await r.read()
                if r.status != 200 or not body:
                    raise RuntimeError(f"bad response {r.status}")

    await asyncio.gather(*(worker() for _ in range(concurrency)))


async def main(url, n, concurrency):
    async with aiohttp.ClientSession() as session:
        t0 = time.perf_counter()
        await run(session, url, n, concurrency)
        cold = time.perf_counter() - t0
        t0 = time.perf_counter()
        await run(session, url, n, concurrency)
        return cold, time.perf_counter() - t0


if __name__ == "__main__":
    url = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    c = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    kind = sys.argv[4] if len(sys.argv) > 4 else "asyncio"
    if kind == "uvloop":
        import uvloop
        uvloop.install()
    cold, warm = asyncio.run(main(url, n, c))
    print(f"RESULT system=aiohttp-{kind} requests={n} concurrency={c} seconds={warm:.3f} rps={n / warm:.1f} "
          f"cold_rps={n / cold:.1f}")
