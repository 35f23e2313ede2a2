package io.aio4j.net;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * How to open a connection. Start from {@link #defaults()} and change what you need:
 * {@snippet :
 * Net.openConnection("example.com", 443, ConnectOptions.defaults().withTls(ClientTls.defaults()));
 * }
 *
 * @param tls TLS settings; {@code null} for plain TCP
 * @param resolver how host names become addresses; {@code null}: the loop's default (the JDK's
 *     resolver on a thread pool, cached)
 * @param connectTimeout how long the whole connect (resolution, attempts, TLS handshake excluded)
 *     may take; {@code null}: no limit beyond the OS's
 * @param happyEyeballsDelay with several addresses, how long one attempt runs alone before the
 *     next starts (RFC 8305; 250 ms recommended); {@code null}: one at a time, each to its end
 * @param localAddress the address to bind the socket to; {@code null}: any
 * @param limit the stream reader's limit (asyncio's {@code limit}); streams only
 */
public record ConnectOptions(ClientTls tls, Resolver resolver, Duration connectTimeout, Duration happyEyeballsDelay,
        InetSocketAddress localAddress, int limit) {

    /** RFC 8305's recommended connection attempt delay. */
    public static final Duration RECOMMENDED_HAPPY_EYEBALLS_DELAY = Duration.ofMillis(250);

    /**
     * Validates the fields.
     *
     * @param tls TLS settings, or {@code null}
     * @param resolver the resolver, or {@code null}
     * @param connectTimeout the connect timeout, or {@code null}
     * @param happyEyeballsDelay the attempt delay, or {@code null}
     * @param localAddress the local address, or {@code null}
     * @param limit the stream reader's limit
     */
    public ConnectOptions {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }

    /**
     * Returns the defaults: plain TCP, the default resolver, no timeout, Happy Eyeballs with
     * RFC 8305's 250 ms, a 64 KiB reader limit.
     *
     * @return the default options
     */
    public static ConnectOptions defaults() {
        return new ConnectOptions(null, null, null, RECOMMENDED_HAPPY_EYEBALLS_DELAY, null, StreamReader.DEFAULT_LIMIT);
    }

    /**
     * Returns these options speaking TLS.
     *
     * @param tls the TLS settings; {@code null} for plain TCP
     * @return the new options
     */
    public ConnectOptions withTls(ClientTls tls) {
        return new ConnectOptions(tls, resolver, connectTimeout, happyEyeballsDelay, localAddress, limit);
    }

    /**
     * Returns these options with another resolver.
     *
     * @param resolver the resolver
     * @return the new options
     */
    public ConnectOptions withResolver(Resolver resolver) {
        return new ConnectOptions(tls, resolver, connectTimeout, happyEyeballsDelay, localAddress, limit);
    }

    /**
     * Returns these options with a connect timeout.
     *
     * @param timeout the timeout
     * @return the new options
     */
    public ConnectOptions withConnectTimeout(Duration timeout) {
        return new ConnectOptions(tls, resolver, timeout, happyEyeballsDelay, localAddress, limit);
    }

    /**
     * Returns these options with another Happy Eyeballs delay.
     *
     * @param delay the delay; {@code null} to try addresses one at a time
     * @return the new options
     */
    public ConnectOptions withHappyEyeballsDelay(Duration delay) {
        return new ConnectOptions(tls, resolver, connectTimeout, delay, localAddress, limit);
    }

    /**
     * Returns these options binding the socket to a local address.
     *
     * @param address the address
     * @return the new options
     */
    public ConnectOptions withLocalAddress(InetSocketAddress address) {
        return new ConnectOptions(tls, resolver, connectTimeout, happyEyeballsDelay, address, limit);
    }

    /**
     * Returns these options with another stream reader limit.
     *
     * @param limit the limit in bytes
     * @return the new options
     */
    public ConnectOptions withLimit(int limit) {
        return new ConnectOptions(tls, resolver, connectTimeout, happyEyeballsDelay, localAddress, limit);
    }
}
