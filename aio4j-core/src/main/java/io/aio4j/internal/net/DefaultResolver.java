package io.aio4j.internal.net;

import io.aio4j.Aio;
import io.aio4j.internal.loop.SelectorLoop;
import io.aio4j.net.Resolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * A loop's default resolver: the JDK's (the OS's {@code getaddrinfo}) on the {@code toThread}
 * pool, so a slow lookup never blocks the loop, with a per-loop cache of answers for a time to
 * live (aiohttp's {@code ttl_dns_cache}, 10 s by default). Failures are not cached. Loop thread only.
 */
public final class DefaultResolver implements Resolver {
    /** aiohttp's default DNS cache time to live. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(10);

    private record Entry(List<InetAddress> addresses, long expires) {}

    /** How a name becomes addresses: the JDK's resolver, or a test's. Called on a pool thread. */
    interface Lookup {
        InetAddress[] lookup(String host) throws UnknownHostException;
    }

    private final SelectorLoop loop;
    private final Lookup lookup;
    private final Map<String, Entry> cache = new HashMap<>();
    private Duration ttl = DEFAULT_TTL;

    private DefaultResolver(SelectorLoop loop) {
        this(loop, InetAddress::getAllByName);
    }

    /** A resolver of {@code loop} that asks {@code lookup}, for tests. */
    DefaultResolver(SelectorLoop loop, Lookup lookup) {
        this.loop = loop;
        this.lookup = lookup;
    }

    /**
     * Returns the default resolver of {@code loop}.
     *
     * @param loop the loop
     * @return its resolver
     */
    public static DefaultResolver of(SelectorLoop loop) {
        return loop.attachment(DefaultResolver.class, () -> new DefaultResolver(loop));
    }

    /**
     * Sets how long answers are kept; {@link Duration#ZERO} turns the cache off.
     *
     * @param ttl the time to live
     */
    public void setTtl(Duration ttl) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("negative TTL: " + ttl);
        }
        this.ttl = ttl;
        cache.clear();
    }

    /** Forgets every cached answer. */
    public void clear() {
        cache.clear();
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        String key = host.toLowerCase(java.util.Locale.ROOT);
        Entry e = cache.get(key);
        long now = loop.time();
        if (e != null && now < e.expires()) {
            return e.addresses();
        }
        List<InetAddress> found;
        try {
            found = List.of(Aio.toThread(() -> lookup.lookup(host)));
        } catch (CompletionException c) {
            if (c.getCause() instanceof UnknownHostException u) {
                throw u;
            }
            throw c;
        }
        if (!ttl.isZero()) {
            cache.put(key, new Entry(found, loop.time() + ttl.toNanos()));
        }
        return found;
    }

    @Override
    public String toString() {
        return "<DefaultResolver ttl=" + ttl + " cached=" + Arrays.toString(cache.keySet().toArray()) + ">";
    }
}
