package io.aio4j.http;

import io.aio4j.net.ClientTls;
import io.aio4j.net.Resolver;
import io.aio4j.net.Resolvers;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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
 * @param connectTo where to connect instead, per {@code "host:port"} of a URL (curl's
 *     {@code --connect-to} and {@code --resolve}); see {@link #withConnectTo}
 */
public record TcpConnector(int limit, int limitPerHost, Duration keepaliveTimeout, boolean forceClose, ClientTls tls,
        Resolver resolver, Duration dnsCacheTtl, byte[] fingerprint, Map<String, InetSocketAddress> connectTo) {

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
     * @param connectTo where to connect instead, per lower-case {@code "host:port"} (an IPv6 host
     *     in brackets); the targets are unresolved addresses
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
        connectTo = Map.copyOf(connectTo);
    }

    /**
     * Returns aiohttp's defaults: 100 connections, no per-host limit, 15 s keep-alive, verified TLS
     * with the JDK's trust store, the system resolver with a 10 s cache.
     *
     * @return the defaults
     */
    public static TcpConnector defaults() {
        return new TcpConnector(100, 0, Duration.ofSeconds(15), false, ClientTls.defaults(), Resolvers.system(),
                Duration.ofSeconds(10), null, Map.of());
    }

    /**
     * Returns a copy with another total limit.
     *
     * @param n the most connections; {@code 0} for no limit
     * @return the copy
     */
    public TcpConnector withLimit(int n) {
        return new TcpConnector(n, limitPerHost, keepaliveTimeout, forceClose, tls, resolver, dnsCacheTtl, fingerprint, connectTo);
    }

    /**
     * Returns a copy with another per-host limit.
     *
     * @param n the most connections per origin; {@code 0} for no limit
     * @return the copy
     */
    public TcpConnector withLimitPerHost(int n) {
        return new TcpConnector(limit, n, keepaliveTimeout, forceClose, tls, resolver, dnsCacheTtl, fingerprint, connectTo);
    }

    /**
     * Returns a copy with another keep-alive timeout.
     *
     * @param d how long idle connections are kept
     * @return the copy
     */
    public TcpConnector withKeepaliveTimeout(Duration d) {
        return new TcpConnector(limit, limitPerHost, d, forceClose, tls, resolver, dnsCacheTtl, fingerprint, connectTo);
    }

    /**
     * Returns a copy that closes or keeps connections after use.
     *
     * @param on whether to close each connection after its response
     * @return the copy
     */
    public TcpConnector withForceClose(boolean on) {
        return new TcpConnector(limit, limitPerHost, keepaliveTimeout, on, tls, resolver, dnsCacheTtl, fingerprint, connectTo);
    }

    /**
     * Returns a copy with other TLS settings.
     *
     * @param t the settings
     * @return the copy
     */
    public TcpConnector withTls(ClientTls t) {
        return new TcpConnector(limit, limitPerHost, keepaliveTimeout, forceClose, t, resolver, dnsCacheTtl, fingerprint, connectTo);
    }

    /**
     * Returns a copy with another resolver (tests and demos map names to 127.0.0.1 with
     * {@link Resolvers#mappingLiterals}).
     *
     * @param r the resolver
     * @return the copy
     */
    public TcpConnector withResolver(Resolver r) {
        return new TcpConnector(limit, limitPerHost, keepaliveTimeout, forceClose, tls, r, dnsCacheTtl, fingerprint, connectTo);
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
        return new TcpConnector(limit, limitPerHost, keepaliveTimeout, forceClose, tls, resolver, dnsCacheTtl, sha256, connectTo);
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
        return new TcpConnector(limit, limitPerHost, keepaliveTimeout, forceClose, tls, resolver, ttl, fingerprint, connectTo);
    }

    /**
     * Returns a copy that connects somewhere else for URLs of one host and port, as curl's
     * {@code --connect-to HOST:PORT:TARGET_HOST:TARGET_PORT} does: the request, its {@code Host}
     * header, the TLS server name and the certificate check still use the URL's host; only the
     * TCP connection goes to the target. With the target host an address and the same port it is
     * curl's {@code --resolve HOST:PORT:ADDRESS}. Demos and tests serve "remote" sites from a local
     * server this way.
     * {@snippet :
     * TcpConnector c = TcpConnector.defaults()
     *         .withConnectTo("www.example.com", 443, "127.0.0.1", 8443) // a local server on port 8443
     *         .withTls(ClientTls.trusting(Path.of("demo-ca.pem")));
     * }
     *
     * @param host the URL's host name or address (case does not matter; an IPv6 address with or
     *     without brackets)
     * @param port the URL's port (443 for a plain {@code https} URL)
     * @param targetHost the host to connect to instead, a name (resolved by {@link #resolver()})
     *     or an address
     * @param targetPort the port to connect to instead
     * @return the copy, with the earlier mappings of other hosts kept
     * @throws IllegalArgumentException if a host is blank or a port is out of range
     */
    public TcpConnector withConnectTo(String host, int port, String targetHost, int targetPort) {
        Map<String, InetSocketAddress> m = new HashMap<>(connectTo);
        m.put(connectKey(host, port), InetSocketAddress.createUnresolved(bare(targetHost), checkPort(targetPort)));
        return new TcpConnector(limit, limitPerHost, keepaliveTimeout, forceClose, tls, resolver, dnsCacheTtl,
                fingerprint, m);
    }

    /**
     * Returns the key {@link #connectTo()} uses for a URL's host and port.
     *
     * @param host the host name or address
     * @param port the port
     * @return {@code "host:port"}, the host in lower case, an IPv6 address in brackets
     * @throws IllegalArgumentException if the host is blank or the port out of range
     */
    public static String connectKey(String host, int port) {
        String h = bare(host).toLowerCase(Locale.ROOT);
        return (h.indexOf(':') >= 0 ? "[" + h + "]" : h) + ":" + checkPort(port);
    }

    private static String bare(String host) {
        Objects.requireNonNull(host, "host");
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.isBlank()) {
            throw new IllegalArgumentException("a host must not be blank");
        }
        return h;
    }

    private static int checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a port must be in 1..65535, not " + port);
        }
        return port;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TcpConnector c && limit == c.limit && limitPerHost == c.limitPerHost
                && forceClose == c.forceClose && keepaliveTimeout.equals(c.keepaliveTimeout) && tls.equals(c.tls)
                && resolver.equals(c.resolver) && Objects.equals(dnsCacheTtl, c.dnsCacheTtl)
                && Arrays.equals(fingerprint, c.fingerprint) && connectTo.equals(c.connectTo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(limit, limitPerHost, keepaliveTimeout, forceClose, tls, resolver, dnsCacheTtl, connectTo)
                * 31 + Arrays.hashCode(fingerprint);
    }

    @Override
    public String toString() {
        return "TcpConnector[limit=" + limit + ", limitPerHost=" + limitPerHost + ", keepaliveTimeout="
                + keepaliveTimeout + ", forceClose=" + forceClose + ", tls=" + tls + ", resolver=" + resolver
                + ", dnsCacheTtl=" + dnsCacheTtl + ", fingerprint="
                + (fingerprint == null ? "none" : HexFormat.of().formatHex(fingerprint))
                + (connectTo.isEmpty() ? "" : ", connectTo=" + new TreeMap<>(connectTo)) + "]";
    }
}
