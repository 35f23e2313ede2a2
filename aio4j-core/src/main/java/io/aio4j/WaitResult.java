package io.aio4j;

import java.util.Set;

/**
 * What {@link Aio#wait} returns: asyncio's {@code (done, pending)} pair. Both sets keep the
 * futures' order as given.
 *
 * @param done the futures that are done
 * @param pending the futures that are not
 * @param <T> the futures' result type
 */
public record WaitResult<T>(Set<Future<T>> done, Set<Future<T>> pending) {
    /** Copies both sets, keeping their order. */
    public WaitResult {
        done = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(done));
        pending = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(pending));
    }
}
