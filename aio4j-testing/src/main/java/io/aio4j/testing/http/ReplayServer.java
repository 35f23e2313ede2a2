package io.aio4j.testing.http;

import io.aio4j.Aio;
import io.aio4j.net.ServerTls;
import io.aio4j.sync.Event;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A scripted HTTP peer on 127.0.0.1 for testing clients against faults (HTTP-RELIABILITY.md §2):
 * each accepted connection runs a {@link ReplayScript} — read a request, send bytes, wait, trickle,
 * close, reset, half-close, stall. Connections get scripts by accept order
 * ({@link Builder#onConnection(Consumer)} for the first, then the second, ...), the others the
 * default one ({@link Builder#onEveryConnection(Consumer)}). The server counts the connections it
 * accepted and records every request, with the connection it came on, so a test can assert that a
 * client reused a connection, or did not (curl's {@code connection-monitor}).
 * <pre>{@code
 * Aio.run(() -> {
 *     String ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
 *     try (ReplayServer server = ReplayServer.builder()
 *             .onConnection(s -> s.expectRequest().send(ok).expectRequest().close()) // a stale connection (F8)
 *             .onEveryConnection(s -> s.expectRequest().send(ok).stall())
 *             .start();
 *             ClientSession session = ClientSession.create()) {
 *         session.get(server.url("/a")).text();
 *         session.get(server.url("/b")).text(); // retried on a fresh connection
 *         assertThat(server.connectionCount()).isEqualTo(2);
 *     }
 * });
 * }</pre>
 *
 * <h2>Which loop</h2>
 * The server runs on the loop of the task that starts it, each connection's script as a task of
 * that loop: start it inside the test's {@code Aio.run}, next to the client under test, which then
 * shares its loop and its clock. A client on other threads (a blocking {@link java.net.Socket} in
 * {@code Aio.toThread}, the JDK's {@code HttpClient}) works too while the loop runs. Start, script
 * steps and {@link #close()} belong to that loop; the counters and the recorded requests may be read
 * from any thread.
 */
public final class ReplayServer implements AutoCloseable {
    private final LoopbackServer server;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    /** Set each time a request is recorded, for {@link #awaitRequests}. Loop thread only. */
    private final Event recorded = Event.create();

    private ReplayServer(Builder b) throws IOException {
        ReplayScript fallback = b.fallback;
        List<ReplayScript> perConnection = b.scripts.stream().map(s -> s == null ? fallback : s).toList();
        this.server = new LoopbackServer("ReplayServer", b.tls, (index, reader, writer) -> {
            ReplayScript script = index < perConnection.size() ? perConnection.get(index) : fallback;
            script.run(new ReplayScript.Connection(reader, writer, index, this::record));
        });
    }

    private void record(RecordedRequest request) {
        requests.add(request);
        recorded.set();
    }

    /**
     * Returns a builder of a plain HTTP server whose every connection stalls.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the port.
     *
     * @return the port it listens on, on 127.0.0.1
     */
    public int port() {
        return server.port();
    }

    /**
     * Returns the URL of the root path, {@code http://127.0.0.1:port/} ({@code https} with TLS).
     *
     * @return the URL
     */
    public String url() {
        return server.url("/");
    }

    /**
     * Returns a URL on this server.
     *
     * @param path the path, starting with {@code /}
     * @return {@code http://127.0.0.1:port/path} ({@code https} with TLS)
     * @throws IllegalArgumentException if {@code path} does not start with {@code /}
     */
    public String url(String path) {
        return server.url(path);
    }

    /**
     * Returns how many connections it accepted (curl's {@code connection-monitor}): those whose
     * script started. On TLS, a connection whose handshake failed is not counted: it runs no script.
     *
     * @return the count
     */
    public int connectionCount() {
        return server.connectionCount();
    }

    /**
     * Returns how many requests {@link ReplayScript#expectRequest()} steps read, over all connections.
     *
     * @return the count
     */
    public int requestCount() {
        return requests.size();
    }

    /**
     * Returns the requests read so far, in the order they were read.
     *
     * @return a snapshot
     */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * Returns the requests read so far on one connection, in order.
     *
     * @param connection the connection's index in accept order, from 0
     * @return a snapshot; empty if that connection sent none, or was not accepted yet
     */
    public List<RecordedRequest> requests(int connection) {
        return requests.stream().filter(r -> r.connection() == connection).toList();
    }

    /**
     * Waits until the scripts have read at least {@code count} requests, for a test whose client
     * cannot tell when the server is done reading (it sent a request and the server answers
     * nothing, or shut its output). Suspends the calling task.
     *
     * @param count how many requests, over all connections
     * @param timeout how long at most, on the loop's clock
     * @return the requests read so far, as {@link #requests()}
     * @throws AssertionError if fewer came in time; the message lists those that did
     */
    public List<RecordedRequest> awaitRequests(int count, Duration timeout) {
        Boolean enough = Aio.withTimeoutOrNull(timeout, () -> {
            while (requests.size() < count) {
                recorded.clear();
                recorded.await();
            }
            return true;
        });
        if (enough == null) {
            throw new AssertionError("expected " + count + " request(s) within " + timeout + ", got " + requests);
        }
        return requests();
    }

    /**
     * Stops listening, cancels the scripts still running, resets the connections still open, and
     * waits until they are gone. Suspends the calling task. Afterwards the port refuses connections
     * and no task of the server is left. Idempotent.
     *
     * @throws AssertionError if it could not serve as scripted: a client sent a malformed request
     *     (the cause is a {@link java.net.ProtocolException}), or a step could not run
     */
    @Override
    public void close() {
        server.close();
    }

    /** The server below, for this package's tests. */
    LoopbackServer loopback() {
        return server;
    }

    @Override
    public String toString() {
        return server + " " + requests.size() + " request(s)";
    }

    /** Builds a {@link ReplayServer}: scripts per connection, the default script, TLS. Not thread-safe. */
    public static final class Builder {
        private final List<ReplayScript> scripts = new ArrayList<>();
        private ReplayScript fallback = new ReplayScript().stall();
        private ServerTls tls;

        private Builder() {
        }

        /**
         * Sets the script of the next connection in accept order: the first call scripts the first
         * connection, the next call the second, and so on.
         *
         * @param script writes the script
         * @return this
         */
        public Builder onConnection(Consumer<ReplayScript> script) {
            return onConnection(scripts.size(), script);
        }

        /**
         * Sets the script of the connection accepted in position {@code index} (0 for the first;
         * on TLS, the order in which handshakes complete). Positions skipped get the default script.
         *
         * @param index the connection's position, from 0
         * @param script writes the script
         * @return this
         */
        public Builder onConnection(int index, Consumer<ReplayScript> script) {
            if (index < 0) {
                throw new IllegalArgumentException("index must not be negative: " + index);
            }
            while (scripts.size() <= index) {
                scripts.add(null);
            }
            scripts.set(index, write(script));
            return this;
        }

        /**
         * Sets the script of every connection without one of its own. The default is {@code stall()}.
         *
         * @param script writes the script
         * @return this
         */
        public Builder onEveryConnection(Consumer<ReplayScript> script) {
            this.fallback = write(script);
            return this;
        }

        /**
         * Serves HTTPS: each connection runs its script after the TLS handshake.
         *
         * @param serverTls the certificate and settings
         * @return this
         */
        public Builder tls(ServerTls serverTls) {
            this.tls = Objects.requireNonNull(serverTls, "serverTls");
            return this;
        }

        /**
         * Starts the server on 127.0.0.1, on a port the OS picks, on the loop of the calling task.
         * Suspends the calling task while the socket is bound.
         *
         * @return the server, accepting
         * @throws IOException if it cannot bind
         * @throws IllegalArgumentException if a script shuts the output on a TLS server
         * @throws IllegalStateException if the caller is not a task of a running loop
         */
        public ReplayServer start() throws IOException {
            if (tls != null && (fallback.halfCloses()
                    || scripts.stream().anyMatch(s -> s != null && s.halfCloses()))) {
                throw new IllegalArgumentException("shutdownOutput() cannot run on TLS: close_notify ends the whole "
                        + "connection");
            }
            return new ReplayServer(this);
        }

        private static ReplayScript write(Consumer<ReplayScript> script) {
            ReplayScript s = new ReplayScript();
            script.accept(s);
            return s;
        }
    }
}
