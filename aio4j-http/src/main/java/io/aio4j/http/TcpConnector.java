package io.aio4j.http;

import io.aio4j.net.ClientTls;
import io.aio4j.net.Resolver;
import io.aio4j.net.Resolvers;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
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
 * @param fingerprint the SHA-256 digest of the DER certificate every TLS server must present
 *     (certificate pinning, aiohttp's {@code Fingerprint}), or {@code null}
 */
public record TcpConnector(int limit, int limitPerHost, Duration keepaliveTimeout, boolean forceClose, ClientTls tls,
        Resolver resolver, Duration dnsCacheTtl, byte[] fingerprint) {

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
     * @param fingerprint the pinned certificate's SHA-256 digest, or {@code null}
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
        if (fingerprint != null) {
            if (fingerprint.length != 32) {
                throw new IllegalArgumentException("a fingerprint is the SHA-256 digest of the certificate: 32 bytes, not "
                        + fingerprint.length + " (MD5 and SHA-1 are refused, as aiohttp does)");
            }
            fingerprint = fingerprint.clone();
        }
    }

    /**
     * Returns aiohttp's defaults: 100 connections, no per-host limit, 15 s keep-alive, verified TLS
     * with the JDK's trust store, the system resolver with a 10 s cache.
     *
     * @return the defaults
     */
    public static TcpConnector defaults() {
        return new TcpConnector(100, 0, Duration.ofSeconds(15), false, ClientTls.defaults(), Resolvers.system(),
                Duration.ofSeconds(10), null);
    }

    /**
     * Returns a copy with another total limit.
     *
     * @param n the most connections; {@code 0} for no limit
     * @return the copy
     */
    public TcpConnector withLimit(int n) {
        return new TcpConnector(n, limitPerHost, keepaliveTimeout, forceClose, tls, resolver, dnsCacheTtl, fingerprint);
    }

    /**
     * Returns a copy with another per-host limit.
     *
     * @param n the most connections per origin; {@code 0} for no limit
     * @return the copy
     */
    public TcpConnector withLimitPerHost(int n) {
        return new TcpConnector(limit, n, keepaliveTimeout, forceClose, tls, resolver, dnsCacheTtl, fingerprint);
    }

    /**
     * Returns a copy with another keep-alive timeout.
     *
     * @param d how long idle connections are kept
     * @return the copy
     */
    public TcpConnector withKeepaliveTimeout(Duration d) {
        return new TcpConnector(limit, limitPerHost, d, forceClose, tls, resolver, dnsCacheTtl, fingerprint);
    }

    /**
     * Returns a copy that closes or keeps connections after use.
     *
     * @param on whether to close each connection after its response
     * @return the copy
     */
    public TcpConnector withForceClose(boolean on) {
        return new TcpConnector(limit, limitPerHost, keepaliveTimeout, on, tls, resolver, dnsCacheTtl, fingerprint);
    }

    /**
     * Returns a copy with other TLS settings.
     *
     * @param t the settings
     * @return the copy
     */
    public TcpConnector withTls(ClientTls t) {
        return new TcpConnector(limit, limitPerHost, keepaliveTimeout, forceClose, t, resolver, dnsCacheTtl, fingerprint);
    }

    /**
     * Returns a copy with another resolver (tests and demos map names to 127.0.0.1 with
     * {@link Resolvers#mappingLiterals}).
     *
     * @param r the resolver
     * @return the copy
     */
    public TcpConnector withResolver(Resolver r) {
        return new TcpConnector(limit, limitPerHost, keepaliveTimeout, forceClose, tls, r, dnsCacheTtl, fingerprint);
    }

    /**
     * Returns a copy that pins the servers' certificate: a TLS server whose certificate's SHA-256
     * digest differs fails with {@link ServerFingerprintMismatchException}. Usually with
     * {@link ClientTls#insecure()}, for a server with a self-signed certificate you know.
     *
     * @param sha256 the digest of the certificate in DER form, 32 bytes, or {@code null} for none
     * @return the copy
     */
    public TcpConnector withFingerprint(byte[] sha256) {
        return new TcpConnector(limit, limitPerHost, keepaliveTimeout, forceClose, tls, resolver, dnsCacheTtl, sha256);
    }

    /**
     * Returns the pinned digest.
     *
     * @return a copy of the SHA-256 digest, or {@code null} when none is pinned
     */
    @Override
    public byte[] fingerprint() {
        return fingerprint == null ? null : fingerprint.clone();
    }

    /**
     * Returns a copy with another DNS cache time to live.
     *
     * @param ttl how long resolved addresses are kept, or {@code null} for no cache
     * @return the copy
     */
    public TcpConnector withDnsCacheTtl(Duration ttl) {
        return new TcpConnector(limit, limitPerHost, keepaliveTimeout, forceClose, tls, resolver, ttl, fingerprint);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TcpConnector c && limit == c.limit && limitPerHost == c.limitPerHost
                && forceClose == c.forceClose && keepaliveTimeout.equals(c.keepaliveTimeout) && tls.equals(c.tls)
                && resolver.equals(c.resolver) && Objects.equals(dnsCacheTtl, c.dnsCacheTtl)
                && Arrays.equals(fingerprint, c.fingerprint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(limit, limitPerHost, keepaliveTimeout, forceClose, tls, resolver, dnsCacheTtl)
                * 31 + Arrays.hashCode(fingerprint);
    }

    @Override
    public String toString() {
        return "TcpConnector[limit=" + limit + ", limitPerHost=" + limitPerHost + ", keepaliveTimeout="
                + keepaliveTimeout + ", forceClose=" + forceClose + ", tls=" + tls + ", resolver=" + resolver
                + ", dnsCacheTtl=" + dnsCacheTtl + ", fingerprint="
                + (fingerprint == null ? "none" : HexFormat.of().formatHex(fingerprint)) + "]";
    }
}
