package io.aio4j.testing.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A response a {@link MockServer} will send, made with chained setters (OkHttp's
 * {@code MockResponse}). By default {@code 200 OK}, an empty body, {@code Content-Length: 0}, and
 * the connection kept open. The server adds the framing header itself: {@code Content-Length}, or
 * {@code Transfer-Encoding: chunked} after {@link #chunked(int)} (none for 1xx, 204 and 304). Not
 * thread-safe: build it, then {@link MockServer#enqueue} it.
 */
public final class MockResponse {
    /** What the server does with the connection around this response (OkHttp's {@code SocketPolicy}). */
    public enum SocketPolicy {
        /** Send the response and keep the connection for the next request (the default). */
        KEEP_OPEN,
        /** Read the request, then close the connection without sending a byte (F7). */
        DISCONNECT_AFTER_REQUEST,
        /**
         * Read the request and never answer; the connection stays open, the server reading and
         * dropping, until the client or the server closes it (F4).
         */
        NO_RESPONSE,
        /** Send the head and the first half of the framed body, then close (F10, F12). */
        DISCONNECT_DURING_RESPONSE_BODY,
        /**
         * Send the response, then shut the sending side: the client reads the end of the stream, the
         * server reads until the client closes (F14). On TLS, which cannot half-close, close instead.
         */
        SHUTDOWN_OUTPUT_AT_END,
        /** Send the response, then close the connection without a {@code Connection: close} header (F8). */
        DISCONNECT_AT_END
    }

    private int status = 200;
    private String reason = "OK";
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private byte[] body = new byte[0];
    private int chunkSize;
    private Duration headDelay = Duration.ZERO;
    private Duration bodyDelay = Duration.ZERO;
    private SocketPolicy policy = SocketPolicy.KEEP_OPEN;

    /** Creates a response with the defaults: {@code 200 OK}, no header of its own, an empty body, kept open. */
    public MockResponse() {
    }

    /**
     * Sets the status and reason.
     *
     * @param code the status
     * @param reasonPhrase the reason
     * @return this
     */
    public MockResponse status(int code, String reasonPhrase) {
        this.status = code;
        this.reason = Objects.requireNonNull(reasonPhrase, "reasonPhrase");
        return this;
    }

    /**
     * Adds a header field, after those added before; names may repeat. Framing headers are the
     * server's (see the class comment): adding one sends it too, for tests of bad framing.
     *
     * @param name the name
     * @param value the value
     * @return this
     */
    public MockResponse header(String name, String value) {
        headers.add(new SimpleImmutableEntry<>(name, value));
        return this;
    }

    /**
     * Sets the body (copied).
     *
     * @param bytes the body
     * @return this
     */
    public MockResponse body(byte[] bytes) {
        this.body = bytes.clone();
        return this;
    }

    /**
     * Sets the body as UTF-8 text.
     *
     * @param text the body
     * @return this
     */
    public MockResponse body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends the body chunked, in pieces of this size, instead of with {@code Content-Length}.
     *
     * @param size the piece size in bytes
     * @return this
     */
    public MockResponse chunked(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("chunk size must be positive: " + size);
        }
        this.chunkSize = size;
        return this;
    }

    /**
     * Waits this long after the request is read before sending the head (on the loop's clock).
     *
     * @param d the delay
     * @return this
     */
    public MockResponse headDelay(Duration d) {
        this.headDelay = Objects.requireNonNull(d, "d");
        return this;
    }

    /**
     * Waits this long between the head and the body, when there is a body to send.
     *
     * @param d the delay
     * @return this
     */
    public MockResponse bodyDelay(Duration d) {
        this.bodyDelay = Objects.requireNonNull(d, "d");
        return this;
    }

    /**
     * Sets what happens to the connection.
     *
     * @param p the policy
     * @return this
     */
    public MockResponse socketPolicy(SocketPolicy p) {
        this.policy = Objects.requireNonNull(p, "p");
        return this;
    }

    SocketPolicy policy() {
        return policy;
    }

    Duration headDelay() {
        return headDelay;
    }

    Duration bodyDelay() {
        return bodyDelay;
    }

    /** The head's bytes, framing headers included. */
    byte[] head() {
        StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
        for (Map.Entry<String, String> h : headers) {
            sb.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        if (chunkSize > 0) {
            sb.append("Transfer-Encoding: chunked\r\n");
        } else if (status >= 200 && status != 204 && status != 304) {
            sb.append("Content-Length: ").append(body.length).append("\r\n");
        }
        return sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The body's bytes as framed on the wire. */
    byte[] framedBody() {
        if (chunkSize == 0) {
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < body.length; i += chunkSize) {
            int n = Math.min(chunkSize, body.length - i);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, i, n);
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "MockResponse[" + status + " " + reason + ", " + body.length + " body bytes, " + policy + "]";
    }
}
