package io.aio4j.internal.net;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Task;
import io.aio4j.net.Resolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link io.aio4j.net.Resolvers#caching}: answers kept for a time to live on the resolving loop's
 * clock, and one lookup task per name and loop that every caller on that loop awaits through a
 * shield. Thread-safe: the maps are concurrent, and lookups in flight are kept per loop (a task
 * cannot await another loop's task), so each loop asks the delegate at most once at a time per name.
 */
public final class CachingResolver implements Resolver {
    /** Past this many entries, each new one first sweeps out the expired ones. */
    private static final int SWEEP_ABOVE = 1024;

    private record Entry(List<InetAddress> addresses, long expires) {}

    /** A name being looked up on one loop; loops compare by identity. */
    private record LoopKey(EventLoop loop, String name) {}

    private final Resolver delegate;
    private final long ttlNanos;
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<LoopKey, Task<List<InetAddress>>> inFlight = new ConcurrentHashMap<>();

    /**
     * Wraps a resolver.
     *
     * @param delegate the resolver that does the work
     * @param ttl how long answers are kept
     */
    public CachingResolver(Resolver delegate, Duration ttl) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("negative TTL: " + ttl);
        }
        this.ttlNanos = ttl.toNanos();
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        String key = host.toLowerCase(Locale.ROOT);
        EventLoop loop = Aio.getRunningLoop();
        Entry e = cache.get(key);
        if (e != null) {
            if (loop.time() < e.expires()) {
                return e.addresses();
            }
            cache.remove(key, e);
        }
        LoopKey lk = new LoopKey(loop, key);
        Task<List<InetAddress>> running = inFlight.get(lk);
        if (running == null) {
            running = start(loop, lk, host);
        }
        try {
            return Aio.await(Aio.shield(running));
        } catch (CompletionException c) {
            if (c.getCause() instanceof UnknownHostException u) {
                throw u;
            }
            throw c;
        }
    }

    /** Starts the lookup task of {@code host} on {@code loop}. Called on that loop, so nothing else registers it meanwhile. */
    private Task<List<InetAddress>> start(EventLoop loop, LoopKey lk, String host) {
        Task<List<InetAddress>> task = loop.createTask(() -> {
            List<InetAddress> found = delegate.resolve(host);
            if (found == null || found.isEmpty()) {
                throw new UnknownHostException(host + ": the resolver returned no address");
            }
            return List.copyOf(found);
        }, "resolve " + host);
        inFlight.put(lk, task);
        task.addDoneCallback(t -> {
            inFlight.remove(lk, task);
            if (t.cancelled()) {
                return;
            }
            if (t.exception() != null) {
                return; // retrieved here: every caller may have been cancelled, and failures are not kept
            }
            if (ttlNanos > 0) {
                long now = loop.time();
                if (cache.size() >= SWEEP_ABOVE) {
                    cache.values().removeIf(old -> old.expires() <= now);
                }
                cache.put(lk.name(), new Entry(t.result(), now + ttlNanos));
            }
        });
        return task;
    }

    @Override
    public String toString() {
        return "<CachingResolver ttl=" + Duration.ofNanos(ttlNanos) + " cached=" + cache.size() + " delegate=" + delegate
                + ">";
    }
}
