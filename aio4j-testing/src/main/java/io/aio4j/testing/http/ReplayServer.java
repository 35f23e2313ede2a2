package io.aio4j.testing.http;

import io.aio4j.Aio;
import io.aio4j.net.Net;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.ServerTls;
import io.aio4j.net.StreamReader;
import io.aio4j.net.StreamWriter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A scripted HTTP peer on 127.0.0.1 for testing clients against faults (HTTP-RELIABILITY.md §2): each
 * accepted connection runs a script of steps — read a request, send bytes, wait, trickle, close,
 * reset, half-close, stall. Connections get scripts by their order ({@link Builder#onConnection(int,
 * Consumer)}), the others the default one; the server counts connections and records requests, so a
 * test can assert that a client reused a connection, or did not.
 * <pre>{@code
 * try (ReplayServer server = ReplayServer.builder()
 *         .onConnection(0, s -> s.expectRequest().send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok").close())
 *         .start()) {
 *     ... session.get(server.url("/")) ...
 *     assertThat(server.connectionCount()).isEqualTo(1);
 * }
 * }</pre>
 * It runs on the loop of the task that starts it: start it inside the test's {@code Aio.run}, next to
 * the client under test. Loop thread only, except the counters and recorded requests, which are
 * thread-safe.
 */
public final class ReplayServer implements AutoCloseable {
    private final Server server;
    private final boolean tls;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Throwable> scriptFailures = new CopyOnWriteArrayList<>();

    private ReplayServer(Builder b) throws IOException {
        this.tls = b.tls != null;
        ServerOptions options = b.tls == null ? ServerOptions.defaults() : ServerOptions.defaults().withTls(b.tls);
        List<Script> perConnection = List.copyOf(b.scripts);
        Script fallback = b.fallback;
        this.server = Net.startServer((reader, writer) -> {
            int index = connections.getAndIncrement();
            Script script = index < perConnection.size() && perConnection.get(index) != null ? perConnection.get(index)
                    : fallback;
            try {
                script.run(new Conn(reader, writer, index));
            } catch (IOException e) {
                // the client went away mid-script: that is what some tests are about
            } catch (RuntimeException e) {
                scriptFailures.add(e);
                throw e;
            }
        }, "127.0.0.1", 0, options);
    }

    /**
     * Returns a builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the port.
     *
     * @return the port on 127.0.0.1
     */
    public int port() {
        return ((InetSocketAddress) server.sockets().get(0)).getPort();
    }

    /**
     * Returns a URL on this server.
     *
     * @param path the path, starting with {@code /}
     * @return {@code http://127.0.0.1:port/path} ({@code https} when it serves TLS)
     */
    public String url(String path) {
        return (tls ? "https" : "http") + "://127.0.0.1:" + port() + path;
    }

    /**
     * Returns how many connections were accepted (curl's {@code connection-monitor}).
     *
     * @return the count
     */
    public int connectionCount() {
        return connections.get();
    }

    /**
     * Returns the requests read so far, in order.
     *
     * @return the requests
     */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * Closes the server and its connections and waits until they are gone. Suspends the calling
     * task.
     *
     * @throws AssertionError if a script failed (a wrong step, not a client that went away)
     */
    @Override
    public void close() {
        server.close();
        server.abortClients();
        server.waitClosed();
        if (!scriptFailures.isEmpty()) {
            throw new AssertionError("a ReplayServer script failed", scriptFailures.get(0));
        }
    }

    /** One step of a script, run on the connection. */
    @FunctionalInterface
    interface Step {
        void run(Conn c) throws IOException;
    }

    /** A connection while its script runs. */
    final class Conn {
        final StreamReader reader;
        final StreamWriter writer;
        final int index;
        int sequence;

        Conn(StreamReader reader, StreamWriter writer, int index) {
            this.reader = reader;
            this.writer = writer;
            this.index = index;
        }

        void record(RecordedRequest r) {
            requests.add(r);
        }
    }

    /** A connection's script: the steps, run in order. Built by chaining; not thread-safe. */
    public static final class Script {
        private final List<Step> steps = new ArrayList<>();

        Script() {
        }

        void run(Conn c) throws IOException {
            for (Step s : steps) {
                s.run(c);
            }
        }

        /**
         * Reads one whole request and records it.
         *
         * @return this
         */
        public Script expectRequest() {
            steps.add(c -> {
                RecordedRequest r = RequestReader.read(c.reader, c.index, c.sequence++);
                if (r == null) {
                    throw new IOException("the client closed the connection instead of sending a request");
                }
                c.record(r);
            });
            return this;
        }

        /**
         * Sends bytes.
         *
         * @param bytes what to send
         * @return this
         */
        public Script send(byte[] bytes) {
            byte[] copy = bytes.clone();
            steps.add(c -> {
                c.writer.write(copy);
                c.writer.drain();
            });
            return this;
        }

        /**
         * Sends text, each character as one byte (ISO-8859-1), as HTTP heads are written.
         *
         * @param text what to send
         * @return this
         */
        public Script send(String text) {
            return send(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        /**
         * Waits.
         *
         * @param d how long
         * @return this
         */
        public Script sleep(Duration d) {
            Objects.requireNonNull(d, "d");
            steps.add(c -> Aio.sleep(d));
            return this;
        }

        /**
         * Sends bytes a piece at a time with a pause between pieces (a slow but steady server).
         *
         * @param text what to send, one byte per character
         * @param pieceSize bytes per piece
         * @param gap the pause after each piece
         * @return this
         */
        public Script sendThrottled(String text, int pieceSize, Duration gap) {
            byte[] all = text.getBytes(StandardCharsets.ISO_8859_1);
            steps.add(c -> {
                for (int i = 0; i < all.length; i += pieceSize) {
                    c.writer.write(Arrays.copyOfRange(all, i, Math.min(all.length, i + pieceSize)));
                    c.writer.drain();
                    Aio.sleep(gap);
                }
            });
            return this;
        }

        /**
         * Closes the connection politely (TCP FIN; TLS close_notify first).
         *
         * @return this
         */
        public Script close() {
            steps.add(c -> c.writer.close());
            return this;
        }

        /**
         * Resets the connection (SO_LINGER 0: the client sees a reset).
         *
         * @return this
         */
        public Script rst() {
            steps.add(c -> c.writer.transport().abort());
            return this;
        }

        /**
         * Shuts the sending side (TCP half-close); the connection stays open for reading.
         *
         * @return this
         */
        public Script shutdownOutput() {
            steps.add(c -> c.writer.writeEof());
            return this;
        }

        /**
         * Holds the connection open, reading and dropping what comes, until the client closes it or
         * the server closes.
         *
         * @return this
         */
        public Script stall() {
            steps.add(c -> c.reader.read(-1));
            return this;
        }
    }

    /** Builds a {@link ReplayServer}. Not thread-safe. */
    public static final class Builder {
        private final List<Script> scripts = new ArrayList<>();
        private Script fallback = new Script().stall();
        private ServerTls tls;

        private Builder() {
        }

        /**
         * Sets the script of the connection accepted in position {@code index} (0 for the first).
         *
         * @param index the connection's position
         * @param script writes the script
         * @return this
         */
        public Builder onConnection(int index, Consumer<Script> script) {
            while (scripts.size() <= index) {
                scripts.add(null);
            }
            Script s = new Script();
            script.accept(s);
            scripts.set(index, s);
            return this;
        }

        /**
         * Sets the script of every connection without one of its own (by default: stall).
         *
         * @param script writes the script
         * @return this
         */
        public Builder onEveryConnection(Consumer<Script> script) {
            Script s = new Script();
            script.accept(s);
            this.fallback = s;
            return this;
        }

        /**
         * Serves TLS with these settings.
         *
         * @param serverTls the settings
         * @return this
         */
        public Builder tls(ServerTls serverTls) {
            this.tls = serverTls;
            return this;
        }

        /**
         * Starts the server on 127.0.0.1, a free port, on the running loop. Suspends the calling
         * task while the socket is bound.
         *
         * @return the server
         * @throws IOException if it cannot bind
         */
        public ReplayServer start() throws IOException {
            return new ReplayServer(this);
        }
    }
}
