#!/usr/bin/env bash
# The HTTP server benchmark of issue 5: wrk -t1 -c50 -d5s against a hello-world handler, the server
# pinned to CPU 1 and wrk to CPU 0, for aio4j's WebServer, Vert.x 5 (one event loop), aiohttp.web (asyncio and uvloop) and
# nginx (`return 200`) as the physical reference. Each run is preceded by an unmeasured 3 s warm-up
# on the same server process. Prints the median, min and max, and aio4j's ratio to each.
#
#   bench/run-http-server.sh
#   AIO4J_SERVER_SYSTEMS="aio4j nginx" AIO4J_SERVER_REPEATS=5 bench/run-http-server.sh
#
# Environment:
#   AIO4J_BENCH_SKIP_BUILD=1     use aio4j-bench/target/benchmarks.jar as it is
#   AIO4J_SERVER_SYSTEMS="..."   default: aio4j vertx aiohttp-asyncio aiohttp-uvloop nginx
#   AIO4J_SERVER_REPEATS=3       runs per system
#   AIO4J_SERVER_DURATION=5      measured seconds per run
#   AIO4J_BENCH_OUT=DIR          also copy the raw results there (http-server.txt; bench/run-all.sh reads them)
#   AIO4J_HTTP_PYTHON=/usr/bin/python3   a Python with aiohttp and uvloop
set -euo pipefail
systems="${AIO4J_SERVER_SYSTEMS:-aio4j vertx aiohttp-asyncio aiohttp-uvloop nginx}"
repeats="${AIO4J_SERVER_REPEATS:-3}"
duration="${AIO4J_SERVER_DURATION:-5}"

. "$(dirname "${BASH_SOURCE[0]}")/http-common.sh"

work="$(mktemp -d "${TMPDIR:-/tmp}/aio4j-server-bench.XXXXXX")"
chmod 755 "$work"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

start_server() { # system port
  case "$1" in
    aio4j) taskset -c 1 "$java" --add-opens java.base/java.lang=ALL-UNNAMED -cp "$jar" \
        io.aio4j.bench.http.HelloServer --port "$2" > "$work/server.log" 2>&1 & ;;
    vertx) taskset -c 1 "$java" -cp "$jar" io.aio4j.bench.http.VertxHelloServer --port "$2" > "$work/server.log" 2>&1 & ;;
    aiohttp-asyncio) taskset -c 1 "$python" "$root/bench/http_server.py" "$2" asyncio > "$work/server.log" 2>&1 & ;;
    aiohttp-uvloop) taskset -c 1 "$python" "$root/bench/http_server.py" "$2" uvloop > "$work/server.log" 2>&1 & ;;
    nginx)
      nginx_conf "$work" "listen 127.0.0.1:$2; location / { default_type text/plain; return 200 \"Hello, World!\"; }"
      taskset -c 1 /usr/sbin/nginx -p "$work" -c "$work/nginx.conf" > "$work/server.log" 2>&1 & ;;
  esac
  server_pid=$!
  for _ in $(seq 200); do
    "$python" -c "import socket; socket.create_connection(('127.0.0.1', $2)).close()" 2>/dev/null && return 0
    sleep 0.05
  done
  echo "server $1 did not start:" >&2; cat "$work/server.log" >&2; return 1
}

results="$work/results.txt"
: > "$results"
echo "== wrk -t1 -c50 -d${duration}s, server on CPU 1, wrk on CPU 0, $repeats runs each" >&2
for round in $(seq "$repeats"); do
  for s in $systems; do
    port="$(free_port)"
    start_server "$s" "$port"
    taskset -c 0 wrk -t1 -c50 -d3s "http://127.0.0.1:$port/" > /dev/null   # warm-up
    rps="$(taskset -c 0 wrk -t1 -c50 -d"${duration}s" "http://127.0.0.1:$port/" | awk '/Requests\/sec/ {print $2}')"
    kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null || true; server_pid=""
    echo "   round $round: $s $rps req/s" >&2
    echo "$s $rps" >> "$results"
  done
done

[ -n "${AIO4J_BENCH_OUT:-}" ] && mkdir -p "$AIO4J_BENCH_OUT" && cp "$results" "$AIO4J_BENCH_OUT/http-server.txt"
"$python" - "$results" $systems <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, rps = line.split()
    rows.setdefault(name, []).append(float(rps))
aio = statistics.median(rows["aio4j"]) if "aio4j" in rows else None
print(f"{'system':<18}{'median req/s':>14}{'min':>10}{'max':>10}{'aio4j/x':>10}")
for s in sys.argv[2:]:
    med = statistics.median(rows[s])
    print(f"{s:<18}{med:>14,.0f}{min(rows[s]):>10,.0f}{max(rows[s]):>10,.0f}{(aio / med if aio else 0):>10.2f}")
print("reference medians measured on this machine for the issue: aiohttp 23-27k, JDK HttpServer on virtual "
      "threads 43k, Netty 100k, Vert.x 119k, nginx 164k; target: aio4j >= Vert.x")
PY
