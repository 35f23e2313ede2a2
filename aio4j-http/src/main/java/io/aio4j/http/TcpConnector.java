package io.aio4j.http;

import io.aio4j.net.ClientTls;
import io.aio4j.net.Resolver;
import io.aio4j.net.Resolvers;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ClientSession} makes and keeps connections: aiohttp's {@code TCPConnector}.
 *
 * @param limit the most connections open at once, busy and idle together; {@code 0} for no limit
 *     (aiohttp's default: 100)
 * @param limitPerHost the most connections open at once to one scheme, host and port; {@code 0} for
 *     no limit (the default)
 * @param keepaliveTimeout how long an idle connection stays in the pool (aiohttp's default: 15 s)
 * @param forceClose close each connection after its response instead of pooling it
 * @param tls TLS settings for {@code https} URLs (certificate and host name verification are on by
 *     default; {@link ClientTls#insecure()} turns them off)
 * @param resolver how host names become addresses
 * @param dnsCacheTtl how long resolved addresses are kept; {@code null} or zero for no cache
 *     (aiohttp's default: 10 s)
 */
public record TcpConnector(int limit, int limitPerHost, Duration keepaliveTimeout, boolean forceClose, ClientTls tls,
        Resolver resolver, Duration dnsCacheTtl) {

    /**
     * Checks the values.
     *
     * @param limit the most connections open at once; {@code 0} for no limit
     * @param limitPerHost the most connections per origin; {@code 0} for no limit
     * @param keepaliveTimeout how long an idle connection is kept
     * @param forceClose close each connection after its response
     * @param tls TLS settings
     * @param resolver the resolver
     * @param dnsCacheTtl the DNS cache's time to live, or {@code null}
     */
    public TcpConnector {
        if (limit < 0 || limitPerHost < 0) {
            throw new IllegalArgumentException("connection limits must be 0 (none) or positive: limit=" + limit
                    + ", limitPerHost=" + limitPerHost);
        }
        Objects.requireNonNull(keepaliveTimeout, "keepaliveTimeout");
        if (keepaliveTimeout.isNegative()) {
            throw new IllegalArgumentException("keepaliveTimeout must not be negative: " + keepaliveTimeout);
        }
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(resolver, "resolver");
    }

    /**
     * Returns aiohttp's defaults: 100 connections, no per-host limit, 15 s keep-alive, verified TLS
     * with the JDK's trust store, the system resolver with a 10 s cache.
     *
     * @return the defaults
     */
    public static TcpConnector defaults() {
        return new TcpConnector(100, 0, Duration.ofSeconds(15), false, ClientTls.defaults(), Resolvers.system(),
                Duration.ofSeconds(10));
    }

    /**
     * Returns a copy with another total limit.
     *
     * @param n the most connections; {@code 0} for no limit
     * @return the copy
     */
    public TcpConnector withLimit(int n) {
        return new TcpConnector(n, limitPerHost, keepaliveTimeout, forceClose, tls, resolver, dnsCacheTtl);
    }

    /**
     * Returns a copy with another per-host limit.
     *
     * @param n the most connections per origin; {@code 0} for no limit
     * @return the copy
     */
    public TcpConnector withLimitPerHost(int n) {
        return new TcpConnector(limit, n, keepaliveTimeout, forceClose, tls, resolver, dnsCacheTtl);
    }

    /**
     * Returns a copy with another keep-alive timeout.
     *
     * @param d how long idle connections are kept
     * @return the copy
     */
    public TcpConnector withKeepaliveTimeout(Duration d) {
        return new TcpConnector(limit, limitPerHost, d, forceClose, tls, resolver, dnsCacheTtl);
    }

    /**
     * Returns a copy that closes or keeps connections after use.
     *
     * @param on whether to close each connection after its response
     * @return the copy
     */
    public TcpConnector withForceClose(boolean on) {
        return new TcpConnector(limit, limitPerHost, keepaliveTimeout, on, tls, resolver, dnsCacheTtl);
    }

    /**
     * Returns a copy with other TLS settings.
     *
     * @param t the settings
     * @return the copy
     */
    public TcpConnector withTls(ClientTls t) {
        return new TcpConnector(limit, limitPerHost, keepaliveTimeout, forceClose, t, resolver, dnsCacheTtl);
    }

    /**
     * Returns a copy with another resolver (tests and demos map names to 127.0.0.1 with
     * {@link Resolvers#mappingLiterals}).
     *
     * @param r the resolver
     * @return the copy
     */
    public TcpConnector withResolver(Resolver r) {
        return new TcpConnector(limit, limitPerHost, keepaliveTimeout, forceClose, tls, r, dnsCacheTtl);
    }

    /**
     * Returns a copy with another DNS cache time to live.
     *
     * @param ttl how long resolved addresses are kept, or {@code null} for no cache
     * @return the copy
     */
    public TcpConnector withDnsCacheTtl(Duration ttl) {
        return new TcpConnector(limit, limitPerHost, keepaliveTimeout, forceClose, tls, resolver, ttl);
    }
}
