#!/usr/bin/env python3
"""The task workloads of bench/run-all.sh on asyncio or uvloop, in the shapes of aio4j's
io.aio4j.bench.tasks.TaskWorkloads:

  spawn     100,000 tasks that each yield once (sleep(0)), gathered
  pingpong  200,000 round trips between two tasks through two unbounded asyncio.Queue
  sleep     100,000 tasks that each sleep 1 s, gathered; wall time and RSS per task

    tasks.py asyncio|uvloop WORKLOAD RUNS

One RESULT line per run, like the JVM anchors' (run 1 is the first in the process).
"""
import asyncio
import sys
import time

TASKS = 100_000
ROUND_TRIPS = 200_000


def rss():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


async def spawn():
    start = time.perf_counter()
    await asyncio.gather(*[asyncio.create_task(asyncio.sleep(0)) for _ in range(TASKS)])
    return f"value={TASKS / (time.perf_counter() - start):.0f} unit=tasks/s"


async def pingpong():
    ping, pong = asyncio.Queue(), asyncio.Queue()

    async def other():
        for _ in range(ROUND_TRIPS):
            await pong.put(await ping.get())

    start = time.perf_counter()
    task = asyncio.create_task(other())
    for i in range(ROUND_TRIPS):
        await ping.put(i)
        await pong.get()
    await task
    return f"value={ROUND_TRIPS / (time.perf_counter() - start):.0f} unit=round-trips/s"


async def sleep():
    before = rss()
    start = time.perf_counter()
    tasks = [asyncio.create_task(asyncio.sleep(1)) for _ in range(TASKS)]
    await asyncio.sleep(0)  # every task has started and sleeps
    during = rss()
    await asyncio.gather(*tasks)
    return f"value={(time.perf_counter() - start) * 1000:.0f} unit=ms rss_per_task={(during - before) // TASKS}"


def main():
    loop_kind, workload, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 5
    body = {"spawn": spawn, "pingpong": pingpong, "sleep": sleep}[workload]
    if loop_kind == "uvloop":
        import uvloop
        new_loop = uvloop.new_event_loop
    else:
        new_loop = asyncio.new_event_loop
    for run in range(1, runs + 1):
        loop = new_loop()
        try:
            result = loop.run_until_complete(body())
        finally:
            loop.close()
        print(f"RESULT system={loop_kind} workload={workload} run={run} {result}", flush=True)


if __name__ == "__main__":
    main()
