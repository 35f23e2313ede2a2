package io.aio4j;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * A timeout scope opened by {@link Aio#withTimeout(Duration, Timeout.Body)} or
 * {@link Aio#withTimeoutAt(long, Timeout.Body)}: asyncio's {@code asyncio.Timeout}. The body may
 * move or remove its own deadline while it runs.
 *
 * <p>When the deadline passes, the task running the body is cancelled; the body sees a
 * {@link CancelledError} at its current wait, and the scope, and only the scope whose deadline
 * fired, turns it into a {@link DeadlineExceededException} as it leaves. Loop thread only.
 */
public interface Timeout {

    /**
     * Returns the deadline on the loop's clock ({@link EventLoop#time()}), or empty if the scope
     * has none.
     *
     * @return the deadline
     */
    OptionalLong when();

    /**
     * Moves the deadline. A deadline in the past fires on the next iteration of the loop.
     *
     * @param deadlineNanos the new deadline on the loop's clock
     * @throws IllegalStateException if the scope has expired or been left
     */
    void reschedule(long deadlineNanos);

    /**
     * Moves the deadline to {@code delay} from now; {@code null} removes it.
     *
     * @param delay the new timeout, or {@code null} for none
     * @throws IllegalStateException if the scope has expired or been left
     */
    void rescheduleAfter(Duration delay);

    /**
     * Removes the deadline: asyncio's {@code reschedule(None)}.
     *
     * @throws IllegalStateException if the scope has expired or been left
     */
    void disable();

    /**
     * Tells whether the deadline fired (the scope then cancelled its task).
     *
     * @return {@code true} once the deadline has passed
     */
    boolean expired();

    /**
     * A body that runs inside a timeout scope and may use it.
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    interface Body<T> {
        /**
         * Runs the body.
         *
         * @param scope the scope, to read or move the deadline
         * @return the result
         * @throws Exception whatever the body throws
         */
        T run(Timeout scope) throws Exception;
    }
}
