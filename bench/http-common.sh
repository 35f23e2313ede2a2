# Sourced by run-http-client.sh and run-http-server.sh: installs what the HTTP benchmarks need
# (nginx, wrk, Python's aiohttp and uvloop; Debian packages, with apt-get when missing), finds the
# JDK 25, and builds aio4j-bench/target/benchmarks.jar unless AIO4J_BENCH_SKIP_BUILD=1.
# Sets: root, jar, python, java, java_home.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/aio4j-bench/target/benchmarks.jar"
python="${AIO4J_HTTP_PYTHON:-/usr/bin/python3}"

need=()
[ -x /usr/sbin/nginx ] || need+=(nginx-light)
command -v wrk >/dev/null || need+=(wrk)
"$python" -c 'import aiohttp, uvloop' 2>/dev/null || need+=(python3-aiohttp python3-uvloop)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]}" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

java="$("$root/bin/java25")"
java_home="$(cd "$(dirname "$java")/.." && pwd)"
if [ "${AIO4J_BENCH_SKIP_BUILD:-0}" != 1 ]; then
  echo "== building $jar" >&2
  (cd "$root" && JAVA_HOME="$java_home" ./mvnw -q -B -pl aio4j-bench -am package -DskipTests)
fi
