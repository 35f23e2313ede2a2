#!/usr/bin/env bash
# The HTTP client benchmark of issue 5: 20,000 GETs of a 1 KiB file from a local nginx, at most 50
# in flight over keep-alive, for aio4j's ClientSession, Vert.x 5's WebClient, aiohttp (asyncio and uvloop), the JDK's
# HttpClient, with wrk as the physical reference; client pinned to one core, nginx (one worker)
# to the other. Repeats each system and prints the median, min and max, and aio4j's ratio to each.
#
#   bench/run-http-client.sh
#   AIO4J_HTTP_SYSTEMS="aio4j jdk" AIO4J_HTTP_REPEATS=5 bench/run-http-client.sh
#
# Environment:
#   AIO4J_BENCH_SKIP_BUILD=1     use aio4j-bench/target/benchmarks.jar as it is
#   AIO4J_HTTP_SYSTEMS="..."     default: aio4j vertx jdk aiohttp-asyncio aiohttp-uvloop wrk
#   AIO4J_HTTP_REQUESTS=20000    requests per round (and twice as many again to warm up). The issue's
#                                20,000 make a round of under a second, which a GC or JIT pause can
#                                halve for any JVM client here, so a JVM's warm figure is the median
#                                of 5 rounds after the warm-up
#   AIO4J_HTTP_CONCURRENCY=50    requests in flight
#   AIO4J_HTTP_REPEATS=3         runs per system
#   AIO4J_BENCH_OUT=DIR          also copy the raw results there (http-client.txt; bench/run-all.sh reads them)
#   AIO4J_HTTP_PYTHON=/usr/bin/python3   a Python with aiohttp and uvloop (Debian: python3-aiohttp python3-uvloop)
# Needs nginx and wrk (Debian: nginx-light wrk); installs them with apt-get when missing and root.
set -euo pipefail
systems="${AIO4J_HTTP_SYSTEMS:-aio4j vertx jdk aiohttp-asyncio aiohttp-uvloop wrk}"
requests="${AIO4J_HTTP_REQUESTS:-20000}"
concurrency="${AIO4J_HTTP_CONCURRENCY:-50}"
repeats="${AIO4J_HTTP_REPEATS:-3}"

. "$(dirname "${BASH_SOURCE[0]}")/http-common.sh"

work="$(mktemp -d "${TMPDIR:-/tmp}/aio4j-http-bench.XXXXXX")"
chmod 755 "$work"
mkdir -p "$work/html"
head -c 1024 /dev/urandom | base64 -w0 | head -c 1024 > "$work/html/1k.txt"
chmod -R a+rX "$work"
port="$(free_port)"
nginx_conf "$work" "listen 127.0.0.1:$port; root $work/html;"
taskset -c 1 /usr/sbin/nginx -p "$work" -c "$work/nginx.conf" &
nginx_pid=$!
trap 'kill $nginx_pid 2>/dev/null; wait $nginx_pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do
  "$python" -c "import socket; socket.create_connection(('127.0.0.1', $port)).close()" 2>/dev/null && break
  sleep 0.1
done
url="http://127.0.0.1:$port/1k.txt"
echo "== $url; $requests requests, $concurrency in flight, $repeats runs each; client on CPU 0, nginx on CPU 1" >&2

run_one() {
  case "$1" in
    aio4j|jdk|vertx) taskset -c 0 "$java" --add-opens java.base/java.lang=ALL-UNNAMED -cp "$jar" \
        io.aio4j.bench.http.HttpClientBench --system "$1" --url "$url" --requests "$requests" \
        --concurrency "$concurrency" --warmup $((requests * 2)) ;;
    aiohttp-asyncio) taskset -c 0 "$python" "$root/bench/http_client.py" "$url" "$requests" "$concurrency" asyncio ;;
    aiohttp-uvloop) taskset -c 0 "$python" "$root/bench/http_client.py" "$url" "$requests" "$concurrency" uvloop ;;
    wrk) taskset -c 0 wrk -t1 -c"$concurrency" -d3s "$url" | awk '/Requests\/sec/ {printf "RESULT system=wrk rps=%s\n", $2}' ;;
  esac
}

results="$work/results.txt"
: > "$results"
for round in $(seq "$repeats"); do
  for s in $systems; do
    line="$(run_one "$s" | grep '^RESULT' || true)"
    echo "   round $round: ${line:-$s failed}" >&2
    [ -n "$line" ] && echo "$line" >> "$results"
  done
done

[ -n "${AIO4J_BENCH_OUT:-}" ] && mkdir -p "$AIO4J_BENCH_OUT" && cp "$results" "$AIO4J_BENCH_OUT/http-client.txt"
"$python" - "$results" $systems <<'PY'
import re, statistics, sys
rows, cold = {}, {}
for line in open(sys.argv[1]):
    m = re.search(r"system=(\S+).* rps=([\d.]+)", line)
    if m:
        rows.setdefault(m.group(1), []).append(float(m.group(2)))
        c = re.search(r"cold_rps=([\d.]+)", line)
        if c:
            cold.setdefault(m.group(1), []).append(float(c.group(1)))
systems = sys.argv[2:]
aio = statistics.median(rows["aio4j"]) if "aio4j" in rows else None
print(f"{'system':<18}{'warm req/s':>12}{'min':>10}{'max':>10}{'aio4j/x':>10}{'cold req/s':>12}")
for s in systems:
    if s not in rows:
        print(f"{s:<18}{'failed':>14}")
        continue
    med = statistics.median(rows[s])
    ratio = f"{aio / med:.2f}" if aio else "-"
    c = f"{statistics.median(cold[s]):,.0f}" if s in cold else "-"
    print(f"{s:<18}{med:>12,.0f}{min(rows[s]):>10,.0f}{max(rows[s]):>10,.0f}{ratio:>10}{c:>12}")
print("warm: median of the runs after a warm-up; cold: the first round in a fresh process")
print("reference medians measured on this machine for the issue: aiohttp 6.3k, aiohttp+uvloop 8.3k, "
      "JDK HttpClient 10-11.6k, Vert.x 5 WebClient 36k, wrk 52k; target: aio4j >= Vert.x")
PY
