package io.aio4j.http.web;

import io.aio4j.net.ServerTls;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link WebServer} reads requests and keeps connections.
 *
 * @param maxLineLength the longest request line or header line, in bytes (aiohttp: 8190)
 * @param maxHeaderCount the most header fields of one request (aiohttp: 32768; here 100, as
 *     most servers)
 * @param maxHeadBytes the largest request head in all, in bytes
 * @param headerTimeout how long a request's head may take to arrive once it has begun, and how
 *     long a new connection may stay silent (slowloris); on expiry the connection is answered with
 *     408 and closed
 * @param keepaliveTimeout how long an idle kept-alive connection stays open (aiohttp: 75 s)
 * @param drainLimit after a response, the most unread request-body bytes read and dropped so the
 *     connection can carry the next request; a larger rest closes the connection
 * @param tls TLS settings, or {@code null} for plain HTTP
 * @param serverHeader the {@code Server} header's value, or {@code null} for none
 */
public record WebServerOptions(int maxLineLength, int maxHeaderCount, int maxHeadBytes, Duration headerTimeout,
        Duration keepaliveTimeout, long drainLimit, ServerTls tls, String serverHeader) {

    /**
     * Checks the values.
     *
     * @param maxLineLength the longest line
     * @param maxHeaderCount the most header fields
     * @param maxHeadBytes the largest head
     * @param headerTimeout the head's timeout
     * @param keepaliveTimeout the idle timeout
     * @param drainLimit the most unread bytes drained
     * @param tls TLS settings, or {@code null}
     * @param serverHeader the {@code Server} header, or {@code null}
     */
    public WebServerOptions {
        if (maxLineLength < 64 || maxHeaderCount < 1 || maxHeadBytes < maxLineLength) {
            throw new IllegalArgumentException("limits too small: line " + maxLineLength + ", fields " + maxHeaderCount
                    + ", head " + maxHeadBytes);
        }
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(keepaliveTimeout, "keepaliveTimeout");
        if (drainLimit < 0) {
            throw new IllegalArgumentException("drainLimit must not be negative: " + drainLimit);
        }
    }

    /**
     * Returns the defaults: lines of 8190 bytes, 100 fields, heads of 64 KiB, 60 s for a head,
     * 75 s of keep-alive, 64 KiB drained, plain HTTP, {@code Server: aio4j}.
     *
     * @return the defaults
     */
    public static WebServerOptions defaults() {
        return new WebServerOptions(8190, 100, 64 * 1024, Duration.ofSeconds(60), Duration.ofSeconds(75), 64 * 1024,
                null, "aio4j");
    }

    /**
     * Returns a copy with another head timeout.
     *
     * @param d the timeout
     * @return the copy
     */
    public WebServerOptions withHeaderTimeout(Duration d) {
        return new WebServerOptions(maxLineLength, maxHeaderCount, maxHeadBytes, d, keepaliveTimeout, drainLimit, tls,
                serverHeader);
    }

    /**
     * Returns a copy with another keep-alive timeout.
     *
     * @param d the timeout
     * @return the copy
     */
    public WebServerOptions withKeepaliveTimeout(Duration d) {
        return new WebServerOptions(maxLineLength, maxHeaderCount, maxHeadBytes, headerTimeout, d, drainLimit, tls,
                serverHeader);
    }

    /**
     * Returns a copy with another drain limit.
     *
     * @param bytes the most unread bytes drained
     * @return the copy
     */
    public WebServerOptions withDrainLimit(long bytes) {
        return new WebServerOptions(maxLineLength, maxHeaderCount, maxHeadBytes, headerTimeout, keepaliveTimeout, bytes,
                tls, serverHeader);
    }

    /**
     * Returns a copy that serves HTTPS.
     *
     * @param t the TLS settings
     * @return the copy
     */
    public WebServerOptions withTls(ServerTls t) {
        return new WebServerOptions(maxLineLength, maxHeaderCount, maxHeadBytes, headerTimeout, keepaliveTimeout,
                drainLimit, t, serverHeader);
    }

    /**
     * Returns a copy with other head limits.
     *
     * @param lineLength the longest line
     * @param headerCount the most header fields
     * @param headBytes the largest head
     * @return the copy
     */
    public WebServerOptions withLimits(int lineLength, int headerCount, int headBytes) {
        return new WebServerOptions(lineLength, headerCount, headBytes, headerTimeout, keepaliveTimeout, drainLimit, tls,
                serverHeader);
    }
}
