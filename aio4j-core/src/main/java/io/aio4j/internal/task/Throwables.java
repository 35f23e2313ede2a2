package io.aio4j.internal.task;

import java.util.concurrent.CompletionException;

/** How an exception crosses a task boundary (DESIGN.md §2). Stateless. */
final class Throwables {
    private Throwables() {}

    /**
     * Throws {@code t} as it was if it is unchecked, else wrapped once in a
     * {@link CompletionException}.
     */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new CompletionException(t);
    }
}
