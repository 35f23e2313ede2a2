# Sourced by run-http-client.sh and run-http-server.sh: installs what the HTTP benchmarks need
# (nginx, wrk, Python's aiohttp and uvloop; Debian packages, with apt-get when missing), finds the
# JDK 25, and builds aio4j-bench/target/benchmarks.jar unless AIO4J_BENCH_SKIP_BUILD=1.
# Sets: root, jar, python, java, java_home; defines free_port and nginx_conf.
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

# A free TCP port on 127.0.0.1.
free_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Writes DIR/nginx.conf: one worker, in the foreground, everything under DIR, keep-alive without
# limit, and the server block given (e.g. "listen 127.0.0.1:8080; root DIR/html;").
nginx_conf() { # dir server-block
  cat > "$1/nginx.conf" <<CONF
worker_processes 1;
daemon off;
error_log $1/error.log warn;
pid $1/nginx.pid;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $1/body; proxy_temp_path $1/proxy; fastcgi_temp_path $1/fcgi;
    uwsgi_temp_path $1/uwsgi; scgi_temp_path $1/scgi;
    keepalive_requests 1000000;
    server { $2 }
}
CONF
}
