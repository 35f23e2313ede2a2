#!/usr/bin/env bash
# Builds aio4j-bench/target/benchmarks.jar and runs the core benchmarks on a JDK 25, with short,
# bounded settings (about three to four minutes in all), then prints a summary against the targets.
#
#   bench/run-core.sh                    # everything
#   bench/run-core.sh -prof gc           # extra arguments go to the warm JMH run
#   bench/run-core.sh 'SpawnBench'       # ...including a benchmark regex (warm run only)
#   bench/run-core.sh -i 10              # ...and settings, which replace the defaults below
#
# Environment:
#   AIO4J_BENCH_SKIP_BUILD=1   use the jar as it is
#   AIO4J_BENCH_WARM="..."     warm JMH settings, flag-value pairs (default: -f 1 -wi 3 -i 5 -w 1s -r 1s)
#   AIO4J_BENCH_COLD_FORKS=N   forks for the cold single-shot run (default 5; 0 skips it)
#   AIO4J_BENCH_TASKS=N        parked tasks for the memory probe (default 100000; 0 skips it)
#   AIO4J_BENCH_OUT=DIR        where the raw results go (default: a new temporary directory)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/aio4j-bench/target/benchmarks.jar"

# ---------------------------------------------------------------------------- find a JDK 25
java="$("$root/bin/java25")"
java_home="$(cd "$(dirname "$java")/.." && pwd)"

# ---------------------------------------------------------------------------- build
if [ "${AIO4J_BENCH_SKIP_BUILD:-0}" != 1 ]; then
  echo "== building $jar" >&2
  # Maven itself runs on the JDK 25: maven-jar-plugin packs aio4j-core's modular jar with the jar
  # tool of the JDK that runs Maven, and an older one cannot read a Java 25 module-info.class.
  # skipTests, not maven.test.skip: aio4j-http's tests need aio4j-core's test jar, so the test classes are built.
  (cd "$root" && JAVA_HOME="$java_home" MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" \
    ./mvnw -q -B -pl aio4j-bench -am package -DskipTests)
fi
[ -f "$jar" ] || { echo "run-core.sh: $jar is missing" >&2; exit 1; }

out="${AIO4J_BENCH_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/aio4j-bench.XXXXXX")}"
mkdir -p "$out"
# JMH's forks inherit the host JVM's flags; @Fork adds the --add-opens as well.
jvm=("$java" --add-opens java.base/java.lang=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
load_before="$(uptime | sed 's/.*load average: //')"

# ---------------------------------------------------------------------------- warm
# JMH rejects an option given twice: a default the caller's arguments set again is left out.
read -r -a defaults <<< "${AIO4J_BENCH_WARM:--f 1 -wi 3 -i 5 -w 1s -r 1s}"
warm=()
for ((k = 0; k < ${#defaults[@]}; k += 2)); do
  given=0
  for a in "$@"; do [ "$a" = "${defaults[k]}" ] && given=1; done
  [ "$given" = 1 ] || warm+=("${defaults[k]}" "${defaults[k + 1]}")
done
echo "== warm throughput runs (JMH ${warm[*]} $*)" >&2
"${jvm[@]}" -jar "$jar" -e 'ColdBench' "${warm[@]}" -rf csv -rff "$out/warm.csv" "$@" | tee "$out/warm.log"

# ---------------------------------------------------------------------------- cold
cold_forks="${AIO4J_BENCH_COLD_FORKS:-5}"
if [ "$cold_forks" -gt 0 ]; then
  echo "== cold single-shot runs (first 100,000 in a fresh JVM, $cold_forks forks)" >&2
  "${jvm[@]}" -jar "$jar" 'ColdBench' -f "$cold_forks" -wi 0 -i 1 -rf csv -rff "$out/cold.csv" | tee "$out/cold.log"
fi

# ---------------------------------------------------------------------------- memory
tasks="${AIO4J_BENCH_TASKS:-100000}"
if [ "$tasks" -gt 0 ]; then
  echo "== memory per parked task ($tasks tasks), warm: after 5 x 20,000 warm-up tasks" >&2
  "${jvm[@]}" -cp "$jar" io.aio4j.bench.ParkedTaskMemory "$tasks" | tee "$out/memory.log"
  echo "== memory per parked task ($tasks tasks), cold: the first tasks of a fresh JVM" >&2
  "${jvm[@]}" -Daio4j.bench.warmupRounds=0 -cp "$jar" io.aio4j.bench.ParkedTaskMemory "$tasks" \
    | tee "$out/memory-cold.log"
fi
load_after="$(uptime | sed 's/.*load average: //')"

# ---------------------------------------------------------------------------- summary
score() { # score of a benchmark (full name) from a JMH CSV, or empty
  [ -f "$1" ] || return 0
  awk -F, -v b="\"io.aio4j.bench.$2\"" '$1 == b { print $5 }' "$1"
}
mem() { # field $2 of the RESULT line in log $1, or empty
  [ -f "$out/$1" ] || return 0
  sed -n "s/^RESULT .*$2=\([-0-9.]*\).*/\1/p" "$out/$1"
}
rate() { # ops/s -> "1,234,567" (empty stays "-")
  [ -n "$1" ] && awk -v x="$1" 'BEGIN { s = sprintf("%.0f", x); r = "";
    while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) } print s r }' || echo "-"
}
per_op_rate() { # ns/op -> ops/s
  [ -n "$1" ] && awk -v x="$1" 'BEGIN { printf "%.0f", 1e9 / x }' || true
}
kib() { [ -n "$1" ] && awk -v x="$1" 'BEGIN { printf "%.2f KiB", x / 1024 }' || echo "-"; }
verdict() { # value op target -> "ok" / "MISS" / ""
  [ -n "$1" ] || { echo ""; return; }
  awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN { ok = (op == ">=") ? (v >= t) : (v <= t); print ok ? "ok" : "MISS" }'
}

spawn_warm="$(score "$out/warm.csv" SpawnBench.spawn)"
spawn_sized="$(score "$out/warm.csv" SpawnBench.spawnSizedHeap)"
pp_warm="$(score "$out/warm.csv" PingPongBench.pingPong)"
qpp_warm="$(score "$out/warm.csv" QueuePingPongBench.pingPong)"
spawn_cold="$(per_op_rate "$(score "$out/cold.csv" ColdBench.spawn)")"
pp_cold="$(per_op_rate "$(score "$out/cold.csv" ColdBench.pingPong)")"
heap="$(mem memory.log heapBytesPerTask)"
rss="$(mem memory.log rssBytesPerTask)"
heap_cold="$(mem memory-cold.log heapBytesPerTask)"
rss_cold="$(mem memory-cold.log rssBytesPerTask)"

echo
echo "== summary ($(basename "$(dirname "$(dirname "$java")")"), $(nproc) CPUs; load average before: $load_before, after: $load_after)"
fmt='%-22s %16s %16s %12s %6s   %s\n'
printf "$fmt" "" "aio4j warm" "aio4j cold" "target" "" "reference"
printf "$fmt" "spawn (tasks/s)" "$(rate "$spawn_warm")" "$(rate "$spawn_cold")" ">= 1,000,000" \
  "$(verdict "$spawn_warm" '>=' 1000000)" "asyncio 3.11 113k, uvloop 127k, kotlinx 1T 1.19M, JDK 25 VT 1.1M"
printf "$fmt" "  sized heap" "$(rate "$spawn_sized")" "" ">= 1,000,000" \
  "$(verdict "$spawn_sized" '>=' 1000000)" "-Xms3g -Xmn2g -XX:+AlwaysPreTouch: no GC or page faults mid-run"
printf "$fmt" "ping-pong (rt/s)" "$(rate "$pp_warm")" "$(rate "$pp_cold")" ">= 3,000,000" \
  "$(verdict "$pp_warm" '>=' 3000000)" "asyncio 3.11 193k, uvloop 317k, kotlinx 1T 3.9M, JDK 25 VT 1.4-1.9M"
printf "$fmt" "parked task, heap" "$(kib "$heap")" "$(kib "$heap_cold")" "<= 1.3 KiB" \
  "$(verdict "$heap" '<=' 1331.2)" "asyncio 3.11 1.31 KiB, uvloop 1.62, kotlinx 0.41, JDK 25 VT 2.0-2.2"
printf "$fmt" "parked task, RSS" "$(kib "$rss")" "$(kib "$rss_cold")" "<= 1.3 KiB" "$(verdict "$rss_cold" '<=' 1331.2)" \
  "(cold only: the warm-up has already committed the heap)"
printf "$fmt" "queue ping-pong (rt/s)" "$(rate "$qpp_warm")" "" ">= 3,000,000" \
  "$(verdict "$qpp_warm" '>=' 3000000)" "two tasks, two Queues: 2 puts and 2 waiting gets per trip"
printf "$fmt" "gather (tasks/s)" "$(rate "$(score "$out/warm.csv" GatherBench.gather)")" "" "" "" \
  "gather of 100,000 tasks that yield once; sized heap"
printf "$fmt" "lock hand-off (acq/s)" "$(rate "$(score "$out/warm.csv" LockBench.contendedHandOff)")" "" "" "" \
  "100 tasks contend for one Lock; each release hands it to the oldest waiter"
printf "$fmt" "semaphore wake (w/s)" "$(rate "$(score "$out/warm.csv" SemaphoreBench.wakeTenThousandWaiters)")" "" "" "" \
  "10,000 tasks parked on Semaphore(0), then 10,000 releases; spawn included"
printf "$fmt" "callSoon chain (cb/s)" "$(rate "$(score "$out/warm.csv" CallSoonBench.chain)")" "" "" "" ""
printf "$fmt" "callSoon batch (cb/s)" "$(rate "$(score "$out/warm.csv" CallSoonBench.batch)")" "" "" "" ""
printf "$fmt" "timers fire (t/s)" "$(rate "$(score "$out/warm.csv" TimerBench.fire)")" "" "" "" ""
printf "$fmt" "timers cancel (t/s)" "$(rate "$(score "$out/warm.csv" TimerBench.scheduleCancel)")" "" "" "" ""
echo "cold = the first 100,000 in a fresh JVM (JMH single shot, mean of forks; memory without warm-up)"
echo "ok/MISS compare the warm figure with the target (RSS: the cold one); raw results in $out"
