package io.aio4j.internal.loop;

import java.nio.channels.SelectionKey;

/**
 * What a channel registered with {@link SelectorLoop#register} does when the selector finds it
 * ready. Loop thread only: called from the loop's I/O phase, one key at a time.
 */
@FunctionalInterface
public interface SelectionHandler {
    /**
     * Handles readiness.
     *
     * @param key the key, with its ready set
     */
    void onSelected(SelectionKey key);
}
