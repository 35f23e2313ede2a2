package io.aio4j.net;

import io.aio4j.internal.net.CachingResolver;
import io.aio4j.internal.net.MappingResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ready-made {@link Resolver}s, for {@link ConnectOptions#withResolver}: the loop's own, a fixed
 * table of names (aiohttp's trick of resolving test hosts to {@code 127.0.0.1}), and a cache in
 * front of any of them.
 * {@snippet :
 * Resolver resolver = Resolvers.loopback(Resolvers.system(), "example.com", "*.example.org");
 * try (Connection c = Net.openConnection("example.com", port,
 *         ConnectOptions.defaults().withResolver(resolver))) { // connects to 127.0.0.1
 *     c.writer().write("GET / HTTP/1.0\r\nHost: example.com\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
 * }
 * }
 * Address literals ({@code "127.0.0.1"}, {@code "::1"}, {@code "[::1]"}) never reach a resolver:
 * {@code openConnection} and friends take them as they are.
 *
 * <p>Every resolver made here is thread-safe: one instance may serve the tasks of several loops
 * (those of a {@link MultiLoopServer}, say).
 */
public final class Resolvers {
    private static final Resolver SYSTEM = new Resolver() {
        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            return Net.resolve(host);
        }

        @Override
        public String toString() {
            return "Resolvers.system()";
        }
    };

    private Resolvers() {}

    /**
     * Returns the resolver every loop uses when none is given: the OS's ({@code getaddrinfo},
     * through the JDK) on the {@code toThread} pool, so a slow lookup never blocks the loop, with
     * a per-loop cache of answers kept 10 s (aiohttp's {@code ttl_dns_cache}). Equivalent to
     * {@link Net#resolve}. Pass it as the fallback of a {@link #mapping} resolver.
     *
     * @return the system resolver
     */
    public static Resolver system() {
        return SYSTEM;
    }

    /**
     * Returns a resolver that answers from a fixed table, and asks {@code fallback} about other
     * names: an {@code /etc/hosts} of the program's own. Names match without regard to case or a
     * trailing dot; a key {@code "*.example.com"} matches every name below {@code example.com}
     * (not {@code example.com} itself), and an exact key wins over a wildcard, a longer wildcard
     * over a shorter one. The addresses it returns carry the name asked for, as the system
     * resolver's do.
     * {@snippet :
     * Resolver r = Resolvers.mapping(Map.of("db.test", List.of(InetAddress.getLoopbackAddress())), null);
     * }
     *
     * @param hosts names and their addresses, in the order to try them; copied
     * @param fallback asked about names not in the table; {@code null}: they do not resolve
     * @return the resolver
     * @throws IllegalArgumentException if a name is blank or malformed, or has no address
     */
    public static Resolver mapping(Map<String, ? extends List<? extends InetAddress>> hosts, Resolver fallback) {
        return new MappingResolver(hosts, fallback);
    }

    /**
     * Returns a resolver that answers from a table of address literals; see
     * {@link #mapping(Map, Resolver)}.
     * {@snippet :
     * Resolver r = Resolvers.mappingLiterals(Map.of("example.com", "127.0.0.1"), Resolvers.system());
     * }
     *
     * @param hosts names and an IPv4 or IPv6 literal each
     * @param fallback asked about names not in the table; {@code null}: they do not resolve
     * @return the resolver
     * @throws IllegalArgumentException if a value is not an address literal, or a name is malformed
     */
    public static Resolver mappingLiterals(Map<String, String> hosts, Resolver fallback) {
        Map<String, List<InetAddress>> table = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : hosts.entrySet()) {
            table.put(e.getKey(), List.of(literal(e.getKey(), e.getValue())));
        }
        return new MappingResolver(table, fallback);
    }

    /**
     * Returns a resolver that sends {@code names} to {@code 127.0.0.1}, and asks {@code fallback}
     * about others: for tests and demos that serve "remote" hosts from a local server.
     *
     * @param fallback asked about other names; {@code null}: they do not resolve
     * @param names host names or wildcards ({@code "*.example.com"})
     * @return the resolver
     */
    public static Resolver loopback(Resolver fallback, String... names) {
        Map<String, List<InetAddress>> table = new LinkedHashMap<>();
        InetAddress v4 = literal("127.0.0.1", "127.0.0.1");
        for (String n : names) {
            table.put(n, List.of(v4));
        }
        return new MappingResolver(table, fallback);
    }

    /**
     * Returns a resolver that keeps the answers of {@code delegate} for {@code ttl}, and makes
     * concurrent lookups of one name on one loop share a single call to {@code delegate} (a task
     * cancelled while it waits leaves the lookup running for the others). Failures are not kept.
     * Expiry is measured on the clock of the loop that resolves, so a test loop's virtual time
     * moves it; share one instance only between loops on the system clock.
     *
     * @param delegate the resolver that does the work
     * @param ttl how long an answer is kept; {@link Duration#ZERO}: not at all (lookups are still
     *     shared)
     * @return the resolver
     */
    public static Resolver caching(Resolver delegate, Duration ttl) {
        return new CachingResolver(delegate, ttl);
    }

    private static InetAddress literal(String name, String text) {
        if (text == null) {
            throw new IllegalArgumentException("no address for " + name);
        }
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        try {
            return InetAddress.ofLiteral(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the address of " + name + " is not an IPv4 or IPv6 literal: " + text, e);
        }
    }
}
