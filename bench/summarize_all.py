#!/usr/bin/env python3
"""Prints the one table of bench/run-all.sh from the raw results in its output directory.

    summarize_all.py OUT_DIR

For each workload, metric and system: the median of the repeats, their min and max, and how much
better aio4j's median is than the system's ("aio4j x": above 1, aio4j is ahead; for times and
memory, where less is better, the ratio is turned round so that above 1 still means ahead).
Task workloads: "cold" is a process's first run, "warm" the median of its last half of runs.
"""
import os
import statistics
import sys

TASK_ORDER = ["aio4j", "kotlinx", "jdk-vt", "asyncio", "uvloop"]
ECHO_ORDER = ["aio4j", "asyncio", "uvloop", "netty-nio", "netty-epoll"]
CLIENT_ORDER = ["aio4j", "vertx", "jdk", "aiohttp-asyncio", "aiohttp-uvloop"]
SERVER_ORDER = ["aio4j", "vertx", "aiohttp-asyncio", "aiohttp-uvloop", "nginx"]


def fields(line):
    return dict(kv.split("=", 1) for kv in line.split()[1:] if "=" in kv)


def task_rows(path):
    """{(workload, metric, unit, higher_is_better): {system: [one value per repeat]}}"""
    runs = {}
    if not os.path.exists(path):
        return {}
    for line in open(path):
        if not line.startswith("RESULT "):
            continue
        f = fields(line)
        runs.setdefault((f["workload"], f["system"], f["repeat"]), []).append(f)
    rows = {}
    for (workload, system, _), rs in runs.items():
        rs.sort(key=lambda f: int(f["run"]))
        unit = rs[0]["unit"]
        higher = unit != "ms"
        warm = [float(f["value"]) for f in rs[len(rs) // 2:]]
        rows.setdefault((workload, "cold", unit, higher), {}).setdefault(system, []).append(float(rs[0]["value"]))
        rows.setdefault((workload, "warm", unit, higher), {}).setdefault(system, []).append(statistics.median(warm))
        if "rss_per_task" in rs[0]:
            rows.setdefault((workload, "RSS per task, cold", "bytes", False), {}).setdefault(system, []).append(
                float(rs[0]["rss_per_task"]))
    return rows


def echo_rows(path):
    rows = {}
    if not os.path.exists(path):
        return rows
    for line in open(path):
        if line.startswith("RESULT "):
            f = fields(line)
            size = int(f["size"])
            label = f"{size // 1024} KiB" if size % 1024 == 0 else f"{size} B"
            rows.setdefault(("TCP echo", label, "req/s", True), {}).setdefault(f["system"], []).append(float(f["rps"]))
    return rows


def client_rows(path):
    rows = {}
    if not os.path.exists(path):
        return rows
    for line in open(path):
        if line.startswith("RESULT "):
            f = fields(line)
            rows.setdefault(("HTTP client", "warm", "req/s", True), {}).setdefault(f["system"], []).append(float(f["rps"]))
            if "cold_rps" in f:
                rows.setdefault(("HTTP client", "cold", "req/s", True), {}).setdefault(f["system"], []).append(
                    float(f["cold_rps"]))
    return rows


def server_rows(path):
    rows = {}
    if not os.path.exists(path):
        return rows
    for line in open(path):
        parts = line.split()
        if len(parts) == 2:
            rows.setdefault(("HTTP server", "wrk -c50", "req/s", True), {}).setdefault(parts[0], []).append(float(parts[1]))
    return rows


def fmt(x):
    return f"{x:,.0f}"


def main():
    out = sys.argv[1]
    sections = [
        (task_rows(os.path.join(out, "tasks.txt")), TASK_ORDER),
        (echo_rows(os.path.join(out, "echo", "results.txt")), ECHO_ORDER),
        (client_rows(os.path.join(out, "http", "http-client.txt")), CLIENT_ORDER),
        (server_rows(os.path.join(out, "http", "http-server.txt")), SERVER_ORDER),
    ]
    print(f"{'workload':<12}{'metric':<20}{'system':<17}{'median':>13}{'min':>13}{'max':>13}{'aio4j x':>9}  unit")
    for rows, order in sections:
        for (workload, metric, unit, higher), by_system in rows.items():
            aio = statistics.median(by_system["aio4j"]) if "aio4j" in by_system else None
            for system in order + sorted(set(by_system) - set(order)):
                if system not in by_system:
                    continue
                vals = by_system[system]
                med = statistics.median(vals)
                ratio = ""
                if aio and med and system != "aio4j":
                    ratio = f"{(aio / med if higher else med / aio):.2f}"
                print(f"{workload:<12}{metric:<20}{system:<17}{fmt(med):>13}{fmt(min(vals)):>13}"
                      f"{fmt(max(vals)):>13}{ratio:>9}  {unit}{'' if higher else ' (less is better)'}")
            print()


if __name__ == "__main__":
    main()
