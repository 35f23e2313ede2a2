package io.aio4j.http;

import java.time.Duration;
import java.util.Objects;

/**
 * The HTTP client's timeouts: aiohttp's {@code ClientTimeout}. A {@code null} field means no limit.
 * <ul>
 *   <li>{@code total}: the whole request, from the call until the body is read, redirects
 *       included. Expiry raises {@link ServerTimeoutException}.</li>
 *   <li>{@code connect}: getting a connection, waiting for a free one in the pool included.
 *       Expiry raises {@link ConnectionTimeoutException}.</li>
 *   <li>{@code sockConnect}: one TCP connect and TLS handshake, without the pool's wait.
 *       Expiry raises {@link ConnectionTimeoutException}.</li>
 *   <li>{@code sockRead}: the longest gap between two reads from the server while a response is
 *       awaited or its body read; it restarts at every byte. Expiry raises
 *       {@link SocketReadTimeoutException}.</li>
 * </ul>
 * The default is aiohttp's: 5 minutes in total, 30 seconds for each connect, no other limit.
 *
 * @param total the whole request, or {@code null}
 * @param connect getting a connection, pool wait included, or {@code null}
 * @param sockConnect one connect and handshake, or {@code null}
 * @param sockRead the longest gap between reads, or {@code null}
 */
public record ClientTimeout(Duration total, Duration connect, Duration sockConnect, Duration sockRead) {
    /** aiohttp's default: 5 minutes in total, 30 seconds per connect. */
    public static final ClientTimeout DEFAULT = new ClientTimeout(Duration.ofMinutes(5), null, Duration.ofSeconds(30), null);

    /**
     * Checks that each limit is positive.
     *
     * @param total the whole request, or {@code null}
     * @param connect getting a connection, pool wait included, or {@code null}
     * @param sockConnect one connect and handshake, or {@code null}
     * @param sockRead the longest gap between reads, or {@code null}
     */
    public ClientTimeout {
        check(total, "total");
        check(connect, "connect");
        check(sockConnect, "sockConnect");
        check(sockRead, "sockRead");
    }

    private static void check(Duration d, String name) {
        if (d != null && (d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException(name + " timeout must be positive, or null for none: " + d);
        }
    }

    /**
     * Returns timeouts with no limit at all.
     *
     * @return the timeouts
     */
    public static ClientTimeout none() {
        return new ClientTimeout(null, null, null, null);
    }

    /**
     * Returns a copy with another total.
     *
     * @param d the total, or {@code null}
     * @return the copy
     */
    public ClientTimeout withTotal(Duration d) {
        return new ClientTimeout(d, connect, sockConnect, sockRead);
    }

    /**
     * Returns a copy with another connect timeout.
     *
     * @param d the connect timeout, or {@code null}
     * @return the copy
     */
    public ClientTimeout withConnect(Duration d) {
        return new ClientTimeout(total, d, sockConnect, sockRead);
    }

    /**
     * Returns a copy with another sock-connect timeout.
     *
     * @param d the sock-connect timeout, or {@code null}
     * @return the copy
     */
    public ClientTimeout withSockConnect(Duration d) {
        return new ClientTimeout(total, connect, d, sockRead);
    }

    /**
     * Returns a copy with another sock-read timeout.
     *
     * @param d the sock-read timeout, or {@code null}
     * @return the copy
     */
    public ClientTimeout withSockRead(Duration d) {
        return new ClientTimeout(total, connect, sockConnect, d);
    }

    @Override
    public String toString() {
        return "ClientTimeout[total=" + Objects.toString(total, "none") + ", connect=" + Objects.toString(connect, "none")
                + ", sockConnect=" + Objects.toString(sockConnect, "none") + ", sockRead="
                + Objects.toString(sockRead, "none") + "]";
    }
}
