package io.aio4j.http.nginx;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real nginx on 127.0.0.1 for the client's interoperability tests, started from a configuration
 * written to a temporary directory and stopped by {@link #close()}. {@code .ci/run} installs the
 * Debian package; where nginx is missing outside CI, the tests that need it are skipped.
 *
 * <p>Two servers: {@link #port()} keeps connections alive and gzips text, and tells which
 * connection served a request ({@code X-Connection}); {@link #closingPort()} closes each connection
 * after its response ({@code keepalive_timeout 0}).
 */
final class Nginx implements AutoCloseable {
    /** Where Debian puts it. */
    private static final Path BINARY = Path.of("/usr/sbin/nginx");

    private final Path dir;
    private final Process process;
    private final int port;
    private final int closingPort;
    /** The 5 MiB file it serves at {@code /big.bin}. */
    final byte[] big;

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    Nginx() throws IOException, InterruptedException {
        dir = Files.createTempDirectory("aio4j-nginx");
        Path html = Files.createDirectories(dir.resolve("html"));
        Files.writeString(html.resolve("1k.txt"), "0123456789abcdef".repeat(64));
        Files.writeString(html.resolve("text.txt"), "the quick brown fox jumps over the lazy dog\n".repeat(2000));
        big = new byte[5 * 1024 * 1024];
        new Random(7).nextBytes(big);
        Files.write(html.resolve("big.bin"), big);
        // Run as root, nginx serves from worker processes of an unprivileged user: let them read.
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        port = freePort();
        closingPort = freePort();
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, """
                worker_processes 1;
                daemon off;
                error_log %1$s/error.log warn;
                pid %1$s/nginx.pid;
                events { worker_connections 512; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    types { text/plain txt; application/octet-stream bin; }
                    keepalive_requests 100000;
                    gzip on;
                    gzip_types text/plain;
                    gzip_min_length 1000;
                    server {
                        listen 127.0.0.1:%2$d;
                        root %1$s/html;
                        add_header X-Connection $connection always;
                        location = /redirect { return 302 /1k.txt; }
                    }
                    server {
                        listen 127.0.0.1:%3$d;
                        root %1$s/html;
                        keepalive_timeout 0;
                        add_header X-Connection $connection always;
                    }
                }
                """.formatted(dir, port, closingPort));
        process = new ProcessBuilder(BINARY.toString(), "-p", dir.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!listening(port) || !listening(closingPort)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String log = Files.exists(dir.resolve("error.log")) ? Files.readString(dir.resolve("error.log")) : "";
                close();
                throw new IOException("nginx did not start: " + log + Files.readString(dir.resolve("stdout.log")));
            }
            Thread.sleep(20);
        }
    }

    int port() {
        return port;
    }

    int closingPort() {
        return closingPort;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy(); // SIGTERM: nginx's fast shutdown
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
