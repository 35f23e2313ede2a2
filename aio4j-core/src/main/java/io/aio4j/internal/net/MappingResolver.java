package io.aio4j.internal.net;

import io.aio4j.net.Resolver;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link io.aio4j.net.Resolvers#mapping}: a fixed table of names, exact or {@code "*."} wildcards,
 * in front of a fallback. Immutable, so thread-safe.
 */
public final class MappingResolver implements Resolver {
    private final Map<String, List<InetAddress>> exact = new HashMap<>();
    /** Wildcard suffixes ({@code ".example.com"}) and their addresses, longest first. */
    private final List<Map.Entry<String, List<InetAddress>>> wildcards = new ArrayList<>();
    private final Resolver fallback;

    /**
     * Builds the table.
     *
     * @param hosts names (or {@code "*.suffix"}) and their addresses
     * @param fallback asked about other names, or {@code null}
     */
    public MappingResolver(Map<String, ? extends List<? extends InetAddress>> hosts, Resolver fallback) {
        for (Map.Entry<String, ? extends List<? extends InetAddress>> e : hosts.entrySet()) {
            String key = normalize(e.getKey());
            List<? extends InetAddress> addresses = e.getValue();
            if (addresses == null || addresses.isEmpty() || addresses.stream().anyMatch(a -> a == null)) {
                throw new IllegalArgumentException("no address for " + e.getKey() + ": " + addresses);
            }
            if (key.startsWith("*.")) {
                String suffix = key.substring(1);
                if (suffix.length() < 2 || suffix.contains("*")) {
                    throw new IllegalArgumentException("malformed wildcard: " + e.getKey());
                }
                wildcards.add(Map.entry(suffix, List.copyOf(addresses)));
            } else {
                if (key.contains("*")) {
                    throw new IllegalArgumentException("a wildcard may only start a name, as in *.example.com: "
                            + e.getKey());
                }
                exact.put(key, named(key, addresses));
            }
        }
        wildcards.sort(Comparator.comparingInt((Map.Entry<String, ?> w) -> w.getKey().length()).reversed());
        this.fallback = fallback;
    }

    private static String normalize(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("blank host name");
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    /** The addresses, each carrying {@code name} as the system resolver's do. */
    private static List<InetAddress> named(String name, List<? extends InetAddress> addresses) {
        List<InetAddress> out = new ArrayList<>(addresses.size());
        for (InetAddress a : addresses) {
            try {
                if (a instanceof Inet6Address v6 && v6.getScopeId() != 0) {
                    out.add(Inet6Address.getByAddress(name, v6.getAddress(), v6.getScopeId()));
                } else if (a instanceof Inet4Address || a instanceof Inet6Address) {
                    out.add(InetAddress.getByAddress(name, a.getAddress()));
                } else {
                    out.add(a);
                }
            } catch (UnknownHostException e) {
                throw new AssertionError("an address of a valid length was refused: " + a, e);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        String key = normalize(host);
        List<InetAddress> found = exact.get(key);
        if (found != null) {
            return found;
        }
        for (Map.Entry<String, List<InetAddress>> w : wildcards) {
            if (key.endsWith(w.getKey())) {
                return named(key, w.getValue());
            }
        }
        if (fallback == null) {
            throw new UnknownHostException(host + ": not in the resolver's table, and it has no fallback");
        }
        return fallback.resolve(host);
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>(exact.keySet());
        for (Map.Entry<String, ?> w : wildcards) {
            names.add("*" + w.getKey());
        }
        names.sort(null);
        return "<MappingResolver " + names + " fallback=" + fallback + ">";
    }
}
