package io.aio4j.testing.http;

import io.aio4j.Aio;
import io.aio4j.net.ServerTls;
import io.aio4j.net.StreamReader;
import io.aio4j.net.StreamWriter;
import io.aio4j.queue.Queue;
import io.aio4j.queue.QueueShutDownException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on 127.0.0.1 that answers with responses a test enqueues, and records the requests
 * for the test to take (OkHttp's {@code MockWebServer}). Each request gets the next response in the
 * queue, whatever connection it came on; with the queue empty it gets the default response:
 * {@code 404 Not Found} with the body {@code "no response enqueued"}, unless
 * {@link #defaultResponse(MockResponse)} says otherwise. A 404 rather than a hang, so a test that
 * enqueued too few responses fails at its assertion instead of at its timeout.
 * <pre>{@code
 * Aio.run(() -> {
 *     try (MockServer server = MockServer.start(); ClientSession session = ClientSession.create()) {
 *         server.enqueue(new MockResponse().header("Content-Type", "application/json").body("{\"a\":1}"));
 *         session.get(server.url("/a")).text();
 *         RecordedRequest r = server.takeRequest();
 *         assertThat(r.target()).isEqualTo("/a");
 *     }
 * });
 * }</pre>
 *
 * <p>Connections are kept alive, several requests each (see {@link RecordedRequest#sequence()}),
 * until the client closes, a request says {@code Connection: close} (or is HTTP/1.0 without
 * {@code keep-alive}), or a response's {@link MockResponse.SocketPolicy} ends the connection. A
 * request with {@code Expect: 100-continue} gets {@code 100 Continue} before its body is read. A
 * {@code HEAD} request gets the head of its response alone.
 *
 * <p>It runs on the loop of the task that starts it, each connection as a task of that loop, like
 * {@link ReplayServer}: start it inside the test's {@code Aio.run}, next to the client under test.
 * Loop thread only, except {@link #requestCount()} and {@link #connectionCount()}, which are
 * thread-safe.
 */
public final class MockServer implements AutoCloseable {
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private final LoopbackServer server;
    private final ArrayDeque<MockResponse> responses = new ArrayDeque<>();
    private final Queue<RecordedRequest> requests = Queue.create();
    private final AtomicInteger requestCount = new AtomicInteger();
    private MockResponse defaultResponse = new MockResponse().status(404, "Not Found").body("no response enqueued");

    private MockServer(ServerTls serverTls) throws IOException {
        this.server = new LoopbackServer("MockServer", serverTls, this::serve);
    }

    /**
     * Starts a plain HTTP mock server on 127.0.0.1, on a port the OS picks, on the loop of the
     * calling task. Suspends the calling task while the socket is bound.
     *
     * @return the server, accepting
     * @throws IOException if it cannot bind
     * @throws IllegalStateException if the caller is not a task of a running loop
     */
    public static MockServer start() throws IOException {
        return new MockServer(null);
    }

    /**
     * Starts an HTTPS mock server; see {@link #start()}. {@link MockResponse.SocketPolicy#SHUTDOWN_OUTPUT_AT_END}
     * closes the connection instead: TLS cannot half-close.
     *
     * @param serverTls the certificate and settings
     * @return the server, accepting
     * @throws IOException if it cannot bind
     */
    public static MockServer startTls(ServerTls serverTls) throws IOException {
        return new MockServer(Objects.requireNonNull(serverTls, "serverTls"));
    }

    /**
     * Queues the response to the next request that finds no other response ahead of it.
     *
     * @param response the response; it is read when sent, so do not change it after
     */
    public void enqueue(MockResponse response) {
        responses.addLast(Objects.requireNonNull(response, "response"));
    }

    /**
     * Sets the response to requests that find the queue empty, sent as many times as needed.
     *
     * @param response the response; by default {@code 404} with the body {@code "no response enqueued"}
     */
    public void defaultResponse(MockResponse response) {
        this.defaultResponse = Objects.requireNonNull(response, "response");
    }

    /**
     * Takes the oldest request not taken yet, waiting for one. Suspends the calling task.
     *
     * @return the request
     * @throws QueueShutDownException if the server is closed and every request was taken
     */
    public RecordedRequest takeRequest() {
        return requests.get();
    }

    /**
     * Takes the oldest request not taken yet, waiting at most {@code timeout} for one. Suspends the
     * calling task.
     *
     * @param timeout how long at most, on the loop's clock
     * @return the request, or {@code null} if none came in time
     * @throws QueueShutDownException if the server is closed and every request was taken
     */
    public RecordedRequest takeRequest(Duration timeout) {
        return Aio.withTimeoutOrNull(Objects.requireNonNull(timeout, "timeout"), requests::get);
    }

    /**
     * Returns how many requests came so far, taken or not.
     *
     * @return the count
     */
    public int requestCount() {
        return requestCount.get();
    }

    /**
     * Returns how many connections it accepted. On TLS, a connection whose handshake failed is not
     * counted.
     *
     * @return the count
     */
    public int connectionCount() {
        return server.connectionCount();
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

    private void serve(int connection, StreamReader reader, StreamWriter writer) throws IOException {
        for (int sequence = 0;; sequence++) {
            RequestReader.Head head = RequestReader.readHead(reader);
            if (head == null) {
                return;
            }
            if ("100-continue".equalsIgnoreCase(head.header("Expect"))) {
                writer.write(CONTINUE);
                writer.drain();
            }
            RecordedRequest request = RequestReader.readBody(reader, head, connection, sequence);
            requestCount.incrementAndGet();
            requests.putNowait(request);
            MockResponse response = responses.isEmpty() ? defaultResponse : responses.pollFirst();
            boolean open = MockAnswer.send(response, request.method().equals("HEAD"), reader, writer);
            if (!open || !keepAlive(head)) {
                writer.close();
                return;
            }
        }
    }

    /** Whether the client lets the connection live on (RFC 9112 §9.3). */
    private static boolean keepAlive(RequestReader.Head head) {
        String connection = head.header("Connection");
        String tokens = connection == null ? "" : "," + connection.toLowerCase(Locale.ROOT).replace(" ", "") + ",";
        if (tokens.contains(",close,")) {
            return false;
        }
        return !head.version().equals("HTTP/1.0") || tokens.contains(",keep-alive,");
    }

    /**
     * Stops listening, ends the connections still open (a {@code NO_RESPONSE} one included) and
     * waits until they are gone; requests not taken yet can still be taken, then
     * {@link #takeRequest()} throws. Suspends the calling task. Afterwards the port refuses
     * connections and no task of the server is left. Idempotent.
     *
     * @throws AssertionError if a client sent a malformed request (the cause is a
     *     {@link java.net.ProtocolException})
     */
    @Override
    public void close() {
        try {
            server.close();
        } finally {
            requests.shutdown();
        }
    }

    /** The server below, for this package's tests. */
    LoopbackServer loopback() {
        return server;
    }

    @Override
    public String toString() {
        return server + " " + requestCount.get() + " request(s), " + responses.size() + " response(s) enqueued";
    }
}
