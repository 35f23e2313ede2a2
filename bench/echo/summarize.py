#!/usr/bin/env python3
"""Prints the table of bench/run-echo.sh from the client's RESULT lines.

    summarize.py results.txt

Per system and message size: requests/s (median of the repeats, min and max), MiB/s one way
(median), the server's and the client's CPU use over the window (median, % of one core), requests
per CPU-second of the server (median; what a request costs the server, which holds up when other
processes take CPU time from it), and the ratios of aio4j's medians to this system's, by req/s and
by req per CPU-second. Then the issue's targets: ahead of uvloop, within 20 % of Netty.
"""
import statistics
import sys

ORDER = ["aio4j", "aio4j-protocol", "aio4j-buffered", "asyncio", "uvloop", "netty-nio", "netty-epoll"]


def parse(path):
    runs = {}
    with open(path) as f:
        for line in f:
            if not line.startswith("RESULT "):
                continue
            fields = dict(kv.split("=", 1) for kv in line.split()[1:])
            key = (fields["system"], int(fields["size"]))
            runs.setdefault(key, []).append(fields)
    return runs


def num(x):
    try:
        return float(x)
    except ValueError:
        return None


def median_of(rows, name):
    values = [v for v in (num(r[name]) for r in rows) if v is not None]
    return statistics.median(values) if values else None


def ratio(table, a, b, n):
    if a == b:
        return "1.00" if (a, n) in table else "-"
    x, y = table.get((a, n)), table.get((b, n))
    return f"{x / y:.2f}" if x and y else "-"


def size_name(n):
    return f"{n // 1024} KiB" if n % 1024 == 0 else f"{n} B"


def main():
    runs = parse(sys.argv[1])
    if not runs:
        print("no RESULT lines in " + sys.argv[1])
        return 1
    systems = sorted({s for s, _ in runs}, key=lambda s: (ORDER.index(s) if s in ORDER else 99, s))
    sizes = sorted({n for _, n in runs})
    conns = next(iter(runs.values()))[0]["connections"]
    repeats = max(len(v) for v in runs.values())
    print(f"== TCP echo, {conns} connections; median of {repeats} runs (min - max); CPU in % of one core")
    fmt = "{:<8} {:<15} {:>9} {:>21} {:>8} {:>7} {:>7} {:>11} {:>9} {:>9}"
    print(fmt.format("size", "system", "req/s", "(min - max)", "MiB/s", "srv CPU", "cli CPU", "req/CPU-s",
                     "aio4j/x", "per CPU"))
    medians, per_cpu, best = {}, {}, {}
    for n in sizes:
        for s in systems:
            rows = runs.get((s, n))
            if not rows:
                continue
            medians[(s, n)] = statistics.median(float(r["rps"]) for r in rows)
            best[(s, n)] = max(float(r["rps"]) for r in rows)
            costs = [float(r["rps"]) * 100 / float(r["server_cpu"]) for r in rows
                     if num(r["server_cpu"]) and float(r["server_cpu"]) > 0]
            if costs:
                per_cpu[(s, n)] = statistics.median(costs)
        for i, s in enumerate(systems):
            rows = runs.get((s, n))
            if not rows:
                continue
            rps = [float(r["rps"]) for r in rows]
            srv = median_of(rows, "server_cpu")
            cli = median_of(rows, "client_cpu")
            print(fmt.format(size_name(n) if i == 0 else "", s, f"{medians[(s, n)]:,.0f}",
                             f"({min(rps):,.0f} - {max(rps):,.0f})", f"{median_of(rows, 'mibps'):,.1f}",
                             "-" if srv is None else f"{srv:.0f}", "-" if cli is None else f"{cli:.0f}",
                             f"{per_cpu[(s, n)]:,.0f}" if (s, n) in per_cpu else "-",
                             ratio(medians, "aio4j", s, n), ratio(per_cpu, "aio4j", s, n)))
    print()
    print("== targets: aio4j's median req/s over the other's (and the same ratio by req per server CPU-second,")
    print("   and by the best run of each, which on a busy machine is the least disturbed one)")
    targets = [("uvloop", 1.0, "ahead of uvloop"), ("netty-nio", 0.8, "within 20 % of Netty (NIO)"),
               ("netty-epoll", 0.8, "within 20 % of Netty (epoll)")]
    for other, bar, what in targets:
        cells = []
        for n in sizes:
            a, b = medians.get(("aio4j", n)), medians.get((other, n))
            if a and b:
                r = a / b
                c = ratio(per_cpu, "aio4j", other, n)
                m = ratio(best, "aio4j", other, n)
                cells.append(f"{size_name(n)} {r:.2f} {'ok' if r >= bar else 'MISS'} ({c}, {m})")
        if cells:
            print(f"{what:<30} " + "   ".join(cells))
    print()
    print("srv CPU near 100: the server was the bottleneck. Well below 100 with the client below too: other")
    print("processes took the CPU (see the load average); then req/CPU-s compares the servers' costs better.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
