#!/usr/bin/env bash
# The TCP echo benchmark: the shape of uvloop's echo benchmark (1 KiB, 10 KiB, 100 KiB messages),
# aio4j's stream server against asyncio streams, uvloop streams and a minimal Netty server, all
# driven by the same client (io.aio4j.bench.echo.EchoClient) in the same run. Each server runs
# pinned to one core, the client to another; every system is started, measured at each message
# size, and stopped, and the whole round is repeated. Prints one table at the end.
#
#   bench/run-echo.sh                  # everything: about 7 minutes with the defaults
#   AIO4J_ECHO_SYSTEMS="aio4j netty-nio" AIO4J_ECHO_REPEATS=1 bench/run-echo.sh
#
# Environment:
#   AIO4J_BENCH_SKIP_BUILD=1       use aio4j-bench/target/benchmarks.jar as it is
#   AIO4J_BENCH_JAR=PATH           ...or that jar (implies no build when it exists)
#   AIO4J_ECHO_SYSTEMS="..."       default: aio4j asyncio uvloop netty-nio netty-epoll
#                                  (also: aio4j-protocol, the Protocol echo without streams, and
#                                  aio4j-buffered, a BufferedProtocol echo reading up to 256 KiB)
#   AIO4J_ECHO_SIZES=1024,...      message sizes in bytes (default 1024,10240,102400)
#   AIO4J_ECHO_CONNECTIONS=10      concurrent connections of the client
#   AIO4J_ECHO_DURATION=5          measured seconds per size
#   AIO4J_ECHO_WARMUP=2            unmeasured seconds before each window (fresh connections)
#   AIO4J_ECHO_PREWARM=3           unmeasured seconds over all sizes before the first window (JIT)
#   AIO4J_ECHO_REPEATS=3           rounds over all systems
#   AIO4J_ECHO_SERVER_CPU=1        the core the servers run on
#   AIO4J_ECHO_CLIENT_CPU=0        the core the client runs on
#   AIO4J_ECHO_JVM="..."           extra flags for the Java servers (both aio4j and Netty)
#   AIO4J_ECHO_PYTHON=/usr/bin/python3   the Python with asyncio and uvloop
#   AIO4J_ECHO_NICE=N              run servers and client with `nice -n N` (N < 0 needs root; on a
#                                  shared machine it shields the measurement from other processes)
#   AIO4J_BENCH_OUT=DIR            where logs and raw results go (default: a new temporary directory)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${AIO4J_BENCH_JAR:-$root/aio4j-bench/target/benchmarks.jar}"

systems=(${AIO4J_ECHO_SYSTEMS:-aio4j asyncio uvloop netty-nio netty-epoll})
sizes="${AIO4J_ECHO_SIZES:-1024,10240,102400}"
connections="${AIO4J_ECHO_CONNECTIONS:-10}"
duration="${AIO4J_ECHO_DURATION:-5}"
warmup="${AIO4J_ECHO_WARMUP:-2}"
prewarm="${AIO4J_ECHO_PREWARM:-3}"
repeats="${AIO4J_ECHO_REPEATS:-3}"
server_cpu="${AIO4J_ECHO_SERVER_CPU:-1}"
client_cpu="${AIO4J_ECHO_CLIENT_CPU:-0}"
python="${AIO4J_ECHO_PYTHON:-/usr/bin/python3}"
nice_n="${AIO4J_ECHO_NICE:-0}"
out="${AIO4J_BENCH_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/aio4j-echo.XXXXXX")}"
mkdir -p "$out"
results="$out/results.txt"
: > "$results"

# ---------------------------------------------------------------------------- clean-up
server_pid=""
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
trap stop_server EXIT
trap 'stop_server; exit 130' INT TERM

# ---------------------------------------------------------------------------- tools
java="$("$root/bin/java25")"
java_home="$(cd "$(dirname "$java")/.." && pwd)"
if [ "${AIO4J_BENCH_SKIP_BUILD:-0}" != 1 ]; then
  echo "== building $jar" >&2
  # As in run-core.sh: Maven on the JDK 25, and no test classes needed.
  (cd "$root" && JAVA_HOME="$java_home" MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" \
    ./mvnw -q -B -pl aio4j-bench -am package -DskipTests)
fi
[ -f "$jar" ] || { echo "run-echo.sh: $jar is missing" >&2; exit 1; }

wants() { local s; for s in "${systems[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }
drop() { local keep=() s; for s in "${systems[@]}"; do [ "$s" = "$1" ] || keep+=("$s"); done; systems=("${keep[@]}"); }
if wants asyncio || wants uvloop; then
  if ! [ -x "$python" ]; then
    echo "run-echo.sh: no $python; skipping asyncio and uvloop" >&2
    drop asyncio; drop uvloop
  elif wants uvloop && ! "$python" -c 'import uvloop' 2>/dev/null; then
    echo "== installing Debian's python3-uvloop" >&2
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      (apt-get install -y -q python3-uvloop >"$out/apt.log" 2>&1 \
        || { apt-get update -q >>"$out/apt.log" 2>&1 && apt-get install -y -q python3-uvloop >>"$out/apt.log" 2>&1; }) || true
    fi
    "$python" -c 'import uvloop' 2>/dev/null || { echo "run-echo.sh: uvloop is not available; skipping it (see $out/apt.log)" >&2; drop uvloop; }
  fi
fi
for cpu in "$server_cpu" "$client_cpu"; do
  taskset -c "$cpu" true 2>/dev/null || { echo "run-echo.sh: cannot pin to CPU $cpu (nproc: $(nproc))" >&2; exit 1; }
done

# The same flags for both Java servers. --add-opens gives aio4j its fast scheduling mode; the next
# two keep Netty's native transport and Unsafe use quiet on JDK 25. The heap is fixed and pre-touched:
# a fresh heap page-faults on every page of its first pass through eden, and in windows this short
# that cost (14 % of aio4j's loop time at 1 KiB, in a profile) would be measured as the server's.
jvm_flags=(--add-opens java.base/java.lang=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow
  --enable-native-access=ALL-UNNAMED -Xms256m -Xmx256m -XX:+AlwaysPreTouch ${AIO4J_ECHO_JVM:-})

# ---------------------------------------------------------------------------- one system
start_server() { # system log -> sets server_pid and port
  local cmd
  case "$1" in
    aio4j)          cmd=("$java" "${jvm_flags[@]}" -cp "$jar" io.aio4j.bench.echo.AioEchoServer --mode streams) ;;
    aio4j-protocol) cmd=("$java" "${jvm_flags[@]}" -cp "$jar" io.aio4j.bench.echo.AioEchoServer --mode protocol) ;;
    aio4j-buffered) cmd=("$java" "${jvm_flags[@]}" -cp "$jar" io.aio4j.bench.echo.AioEchoServer --mode buffered) ;;
    netty-nio)      cmd=("$java" "${jvm_flags[@]}" -cp "$jar" io.aio4j.bench.echo.NettyEchoServer --transport nio) ;;
    netty-epoll)    cmd=("$java" "${jvm_flags[@]}" -cp "$jar" io.aio4j.bench.echo.NettyEchoServer --transport epoll) ;;
    asyncio)        cmd=("$python" "$root/bench/echo/echo_server.py" --loop asyncio) ;;
    uvloop)         cmd=("$python" "$root/bench/echo/echo_server.py" --loop uvloop) ;;
    *) echo "run-echo.sh: unknown system $1" >&2; exit 1 ;;
  esac
  # nice and taskset exec the server, so $! is the server's own pid (the client reads its CPU time).
  nice -n "$nice_n" taskset -c "$server_cpu" "${cmd[@]}" --host 127.0.0.1 --port 0 >"$2" 2>&1 </dev/null &
  server_pid=$!
  port=""
  for _ in $(seq 300); do
    port="$(sed -n 's/^READY port=\([0-9]*\).*/\1/p' "$2" | head -n 1)"
    [ -n "$port" ] && return 0
    kill -0 "$server_pid" 2>/dev/null || { echo "run-echo.sh: $1 died at start:" >&2; cat "$2" >&2; exit 1; }
    sleep 0.1
  done
  echo "run-echo.sh: $1 did not listen within 30 s:" >&2; cat "$2" >&2; exit 1
}

clk_tck="$(getconf CLK_TCK 2>/dev/null || echo 100)"
load_before="$(uptime | sed 's/.*load average: //')"
n_sizes="$(echo "$sizes" | tr ',' '\n' | wc -l)"
echo "== ${systems[*]}; sizes $sizes; $connections connections; ${warmup}+${duration} s per size; $repeats rounds" >&2
echo "== about $(( repeats * ${#systems[@]} * (n_sizes * (warmup + duration) + prewarm + 3) )) s; servers on CPU $server_cpu, client on CPU $client_cpu; raw results in $out" >&2
for ((r = 1; r <= repeats; r++)); do
  for s in "${systems[@]}"; do
    log="$out/server-$s-$r.log"
    start_server "$s" "$log"
    echo "-- round $r: $s ($(sed -n 's/^READY port=[0-9]* //p' "$log" | head -n 1)) on port $port" >&2
    # A client that fails (a wrong echo, a closed connection) stops the script: trap cleans up.
    timeout $(( n_sizes * (warmup + duration + 30) + prewarm + 30 )) \
      nice -n "$nice_n" taskset -c "$client_cpu" "$java" -cp "$jar" io.aio4j.bench.echo.EchoClient --port "$port" --sizes "$sizes" \
        --connections "$connections" --duration "$duration" --warmup "$warmup" --prewarm "$prewarm" --system "$s" \
        --server-pid "$server_pid" --clk-tck "$clk_tck" | tee -a "$results" >&2
    stop_server
  done
done
load_after="$(uptime | sed 's/.*load average: //')"

# ---------------------------------------------------------------------------- summary
echo
echo "== $(basename "$(dirname "$(dirname "$java")")"), $("$python" --version 2>&1), $(nproc) CPUs; load average before: $load_before, after: $load_after"
"$python" "$root/bench/echo/summarize.py" "$results"
echo "raw results and server logs in $out"
