#!/usr/bin/env bash
# Every workload of the side-by-side benchmarks, for every system, in one go, on this machine, and
# one table at the end: median, min and max of the repeats, and aio4j's median over each anchor's.
#
#   bench/run-all.sh                                   # everything: about 30 minutes
#   AIO4J_BENCH_WORKLOADS="spawn pingpong" AIO4J_BENCH_REPEATS=1 bench/run-all.sh   # a quick look
#
# Workloads (AIO4J_BENCH_WORKLOADS, default all of them):
#   spawn     100,000 tasks that each yield once, gathered                    tasks/s, cold and warm
#   pingpong  200,000 round trips between two tasks through two queues         round trips/s, cold and warm
#   sleep     100,000 tasks that each sleep 1 s, gathered                      wall ms, RSS bytes per task
#   echo      TCP echo of 1, 10 and 100 KiB messages, 10 connections           req/s (bench/run-echo.sh)
#   client    HTTP client: 20,000 GETs of a 1 KiB file from nginx, 50 in flight  req/s (bench/run-http-client.sh)
#   server    HTTP server: wrk -t1 -c50 -d5s, hello world                       req/s (bench/run-http-server.sh)
#   jmh       aio4j's JMH microbenchmarks (bench/run-core.sh, short settings; aio4j only)
# Systems: aio4j; Python 3 asyncio and asyncio + uvloop; kotlinx coroutines 1.11 on one thread; JDK 25
# virtual threads (scheduler parallelism 1) and java.net.http.HttpClient; Vert.x 5; Netty 4.2; aiohttp;
# nginx and wrk. Each task workload runs in a fresh process: its first run is "cold", the median of
# its last runs "warm". Servers run pinned to CPU 1, clients to CPU 0 (taskset); the task workloads
# run on CPU 1. Everything binds to 127.0.0.1 and stops by itself.
#
# Environment:
#   AIO4J_BENCH_REPEATS=3        fresh processes per system and workload (echo and HTTP: rounds)
#   AIO4J_BENCH_TASK_SYSTEMS     default: aio4j kotlinx jdk-vt asyncio uvloop
#   AIO4J_BENCH_SKIP_BUILD=1     use the jars as they are
#   AIO4J_BENCH_OUT=DIR          where raw results go (default: a new temporary directory)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
workloads="${AIO4J_BENCH_WORKLOADS:-spawn pingpong sleep echo client server jmh}"
repeats="${AIO4J_BENCH_REPEATS:-3}"
task_systems="${AIO4J_BENCH_TASK_SYSTEMS:-aio4j kotlinx jdk-vt asyncio uvloop}"
out="${AIO4J_BENCH_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/aio4j-bench-all.XXXXXX")}"
mkdir -p "$out"

# Installs nginx, wrk, aiohttp and uvloop if missing, finds the JDK 25, builds benchmarks.jar.
# shellcheck source=http-common.sh
source "$root/bench/http-common.sh"
export AIO4J_BENCH_SKIP_BUILD=1 # built once, here; the scripts below use it as it is
kotlin_jar="$root/aio4j-bench-kotlin/target/kotlinx-bench.jar"
if [[ " $task_systems " == *" kotlinx "* ]] && { [ "${AIO4J_BENCH_SKIP_BUILD_KOTLIN:-0}" != 1 ] || [ ! -f "$kotlin_jar" ]; }; then
  echo "== building $kotlin_jar" >&2
  (cd "$root" && JAVA_HOME="$java_home" ./mvnw -q -B -f aio4j-bench-kotlin/pom.xml package)
fi

machine="$(nproc) CPUs ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
echo "== $machine; $(uname -sr); raw results in $out" >&2
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------------------- task workloads
# The same heap for every JVM, as the JMH benchmarks have it: young GCs then do not copy 100,000
# parked stacks back and forth.
# Pre-touched, so the first runs take no page faults; but not for sleep, whose first run measures
# how much resident memory 100,000 sleepers add (a pre-touched heap is resident before they exist).
task_cmd() { # system workload runs
  local jvm_heap=(-Xms3g -Xmx3g -Xmn2g -XX:+AlwaysPreTouch)
  [ "$2" = sleep ] && jvm_heap=(-Xms3g -Xmx3g -Xmn2g)
  case "$1" in
    aio4j) echo "$java" "${jvm_heap[@]}" --add-opens java.base/java.lang=ALL-UNNAMED -cp "$jar" io.aio4j.bench.tasks.TaskWorkloads aio4j "$2" "$3" ;;
    jdk-vt) echo "$java" "${jvm_heap[@]}" -Djdk.virtualThreadScheduler.parallelism=1 -cp "$jar" io.aio4j.bench.tasks.TaskWorkloads jdk-vt "$2" "$3" ;;
    kotlinx) echo "$java" "${jvm_heap[@]}" -jar "$kotlin_jar" "$2" "$3" ;;
    asyncio|uvloop) echo "$python" "$root/bench/tasks.py" "$1" "$2" "$3" ;;
  esac
}
: > "$out/tasks.txt"
for w in spawn pingpong sleep; do
  [[ " $workloads " == *" $w "* ]] || continue
  runs=20
  [ "$w" = sleep ] && runs=4
  echo "== $w: $repeats fresh processes per system, $runs runs each" >&2
  for r in $(seq "$repeats"); do
    for s in $task_systems; do
      # shellcheck disable=SC2046
      if ! taskset -c 1 $(task_cmd "$s" "$w" "$runs") 2>"$out/$s-$w-$r.err" | sed "s/^RESULT /RESULT repeat=$r /" >> "$out/tasks.txt"; then
        echo "   $s $w failed: see $out/$s-$w-$r.err" >&2
      fi
    done
    echo "   round $r done" >&2
  done
done

# ---------------------------------------------------------------------------- networking and HTTP
if [[ " $workloads " == *" echo "* ]]; then
  AIO4J_BENCH_OUT="$out/echo" AIO4J_ECHO_REPEATS="$repeats" AIO4J_ECHO_DURATION="${AIO4J_ECHO_DURATION:-4}" \
    AIO4J_ECHO_PYTHON="$python" "$root/bench/run-echo.sh" > "$out/echo.log" 2>&1 || echo "   echo failed: see $out/echo.log" >&2
fi
if [[ " $workloads " == *" client "* ]]; then
  AIO4J_BENCH_OUT="$out/http" AIO4J_HTTP_REPEATS="$repeats" AIO4J_HTTP_SYSTEMS="aio4j vertx jdk aiohttp-asyncio aiohttp-uvloop" \
    "$root/bench/run-http-client.sh" > "$out/http-client.log" 2>&1 || echo "   HTTP client failed: see $out/http-client.log" >&2
fi
if [[ " $workloads " == *" server "* ]]; then
  AIO4J_BENCH_OUT="$out/http" AIO4J_SERVER_REPEATS="$repeats" \
    "$root/bench/run-http-server.sh" > "$out/http-server.log" 2>&1 || echo "   HTTP server failed: see $out/http-server.log" >&2
fi
if [[ " $workloads " == *" jmh "* ]]; then
  echo "== JMH (bench/run-core.sh)" >&2
  AIO4J_BENCH_OUT="$out/core" "$root/bench/run-core.sh" > "$out/jmh.log" 2>&1 || echo "   JMH failed: see $out/jmh.log" >&2
fi
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------------------- the table
echo
echo "== $machine; $("$java" -version 2>&1 | head -n 1); load average before $load_before, after $load_after"
"$python" "$root/bench/summarize_all.py" "$out"
if [ -f "$out/jmh.log" ]; then
  echo
  sed -n '/^== summary/,$p' "$out/jmh.log"
fi
echo "raw results in $out"
