package io.aio4j.testing.http;

import io.aio4j.Aio;
import io.aio4j.net.Net;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.ServerTls;
import io.aio4j.net.StreamReader;
import io.aio4j.net.StreamWriter;
import io.aio4j.queue.Queue;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server that answers with responses a test enqueues, and records the requests for the test
 * to take (OkHttp's {@code MockWebServer}). Connections are kept alive; each request gets the next
 * response in the queue, whatever connection it came on. With the queue empty it answers
 * {@code 404} with the body {@code "no response enqueued"}.
 * <pre>{@code
 * try (MockServer server = MockServer.start()) {
 *     server.enqueue(new MockResponse().header("Content-Type", "application/json").body("{\"a\":1}"));
 *     ... session.get(server.url("/a")) ...
 *     RecordedRequest r = server.takeRequest();
 *     assertThat(r.target()).isEqualTo("/a");
 * }
 * }</pre>
 * It runs on the loop of the task that starts it. Loop thread only.
 */
public final class MockServer implements AutoCloseable {
    private final Server server;
    private final boolean tls;
    private final ArrayDeque<MockResponse> responses = new ArrayDeque<>();
    private final Queue<RecordedRequest> requests = Queue.create();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requestCount = new AtomicInteger();

    private MockServer(ServerTls serverTls) throws IOException {
        this.tls = serverTls != null;
        ServerOptions options = serverTls == null ? ServerOptions.defaults() : ServerOptions.defaults().withTls(serverTls);
        this.server = Net.startServer(this::serve, "127.0.0.1", 0, options);
    }

    /**
     * Starts a plain HTTP mock server on 127.0.0.1, a free port, on the running loop. Suspends the
     * calling task while the socket is bound.
     *
     * @return the server
     * @throws IOException if it cannot bind
     */
    public static MockServer start() throws IOException {
        return new MockServer(null);
    }

    /**
     * Starts an HTTPS mock server; see {@link #start()}.
     *
     * @param serverTls the TLS settings
     * @return the server
     * @throws IOException if it cannot bind
     */
    public static MockServer startTls(ServerTls serverTls) throws IOException {
        return new MockServer(serverTls);
    }

    /**
     * Queues the response to the next request.
     *
     * @param response the response
     */
    public void enqueue(MockResponse response) {
        responses.addLast(response);
    }

    /**
     * Takes the oldest request not taken yet, waiting for one. Suspends the calling task.
     *
     * @return the request
     */
    public RecordedRequest takeRequest() {
        return requests.get();
    }

    /**
     * Returns how many requests came so far.
     *
     * @return the count
     */
    public int requestCount() {
        return requestCount.get();
    }

    /**
     * Returns how many connections were accepted.
     *
     * @return the count
     */
    public int connectionCount() {
        return connections.get();
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
     * @return the URL
     */
    public String url(String path) {
        return (tls ? "https" : "http") + "://127.0.0.1:" + port() + path;
    }

    private void serve(StreamReader reader, StreamWriter writer) throws IOException {
        int connection = connections.getAndIncrement();
        for (int sequence = 0;; sequence++) {
            RecordedRequest r = RequestReader.read(reader, connection, sequence);
            if (r == null) {
                return;
            }
            requestCount.incrementAndGet();
            requests.putNowait(r);
            MockResponse resp = responses.isEmpty()
                    ? new MockResponse().status(404, "Not Found").body("no response enqueued") : responses.pollFirst();
            if (!answer(resp, reader, writer)) {
                return;
            }
        }
    }

    /** Sends a response as its policy says; false when the connection is done. */
    private static boolean answer(MockResponse resp, StreamReader reader, StreamWriter writer) throws IOException {
        switch (resp.policy()) {
            case DISCONNECT_AFTER_REQUEST -> {
                writer.close();
                return false;
            }
            case NO_RESPONSE -> {
                reader.read(-1);
                return false;
            }
            default -> {
            }
        }
        sleep(resp.headDelay());
        writer.write(resp.head());
        writer.drain();
        sleep(resp.bodyDelay());
        byte[] body = resp.framedBody();
        if (resp.policy() == MockResponse.SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY) {
            writer.write(Arrays.copyOf(body, body.length / 2));
            writer.drain();
            writer.close();
            return false;
        }
        writer.write(body);
        writer.drain();
        switch (resp.policy()) {
            case SHUTDOWN_OUTPUT_AT_END -> {
                writer.writeEof();
                reader.read(-1);
                return false;
            }
            case DISCONNECT_AT_END -> {
                writer.close();
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    private static void sleep(Duration d) {
        if (!d.isZero()) {
            Aio.sleep(d);
        }
    }

    /**
     * Closes the server and its connections and waits until they are gone. Suspends the calling
     * task.
     */
    @Override
    public void close() {
        server.close();
        server.abortClients();
        server.waitClosed();
    }
}
