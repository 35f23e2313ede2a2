package io.aio4j;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A result that will be set later, on one {@link EventLoop}: asyncio's {@code Future}.
 *
 * <p>A future is pending, then done in exactly one of three ways: with a result, with an
 * exception, or cancelled. A task waits for one with {@link Aio#await(Future)}; callbacks added
 * with {@link #addDoneCallback} run on the loop when it is done.
 *
 * <h2>Threads</h2>
 * A future belongs to its loop. While that loop runs, the methods that change it
 * ({@code set...}, {@code cancel}, {@code addDoneCallback}, {@code removeDoneCallback}) may be
 * called only from the loop thread or one of its tasks; any other thread gets an
 * {@link IllegalStateException} and should use {@link EventLoop#callSoonThreadsafe}. To hand a
 * result to other threads, use {@link #toCompletableFuture()}.
 *
 * <h2>Exceptions</h2>
 * {@link #result()} rethrows the future's exception as it was set if it is unchecked (a
 * {@link RuntimeException} or an {@link Error}); a checked exception arrives wrapped once in a
 * {@link java.util.concurrent.CompletionException}, as {@link CompletableFuture#join()} does.
 *
 * @param <T> the type of the result
 */
public interface Future<T> {

    /**
     * Tells whether the future is done: it has a result, an exception, or was cancelled.
     *
     * @return {@code true} once done
     */
    boolean done();

    /**
     * Tells whether the future was cancelled.
     *
     * @return {@code true} if done by cancellation
     */
    boolean cancelled();

    /**
     * Returns the result, without waiting.
     *
     * @return the result
     * @throws CancelledError if the future was cancelled (with the cancel message)
     * @throws InvalidStateException if the future is not done yet
     * @throws java.util.concurrent.CompletionException wrapping the exception, if it is checked;
     *     an unchecked exception is thrown as it was set
     */
    T result();

    /**
     * Returns the exception the future ended with, or {@code null} if it has a result. Counts as
     * retrieving it: the loop will not report it as never retrieved.
     *
     * @return the exception, or {@code null}
     * @throws CancelledError if the future was cancelled
     * @throws InvalidStateException if the future is not done yet
     */
    Throwable exception();

    /**
     * Cancels the future with no message. Same as {@code cancel(null)}.
     *
     * @return {@code true} if this call changed something
     */
    default boolean cancel() {
        return cancel(null);
    }

    /**
     * Cancels the future: a pending future becomes cancelled and its callbacks are scheduled. A
     * {@link Task} overrides this to deliver a {@link CancelledError} at the task's current wait
     * instead (see {@link Task#cancel(String)}).
     *
     * @param message the message of the {@link CancelledError} that awaiting code will see, or
     *     {@code null}
     * @return {@code false} if the future was already done, {@code true} otherwise
     */
    boolean cancel(String message);

    /**
     * Adds a callback to run on the loop when the future is done. Callbacks never run inside the
     * call that completes the future: they are scheduled with {@link EventLoop#callSoon}, in the
     * order they were added. If the future is already done, the callback is scheduled at once.
     * An exception thrown by a callback goes to the loop's exception handler.
     *
     * @param callback receives this future
     */
    void addDoneCallback(Consumer<? super Future<T>> callback);

    /**
     * Removes every registration of a callback added with {@link #addDoneCallback}.
     *
     * @param callback the callback, compared by identity
     * @return how many registrations were removed
     */
    int removeDoneCallback(Consumer<? super Future<T>> callback);

    /**
     * Completes the future with a result.
     *
     * @param result the result, may be {@code null}
     * @throws InvalidStateException if the future is already done
     */
    void setResult(T result);

    /**
     * Completes the future with an exception.
     *
     * @param exception the exception; a {@link CancelledError} is refused (use {@link #cancel})
     * @throws InvalidStateException if the future is already done
     * @throws IllegalArgumentException if {@code exception} is a {@link CancelledError}
     */
    void setException(Throwable exception);

    /**
     * Completes the future with a result unless it is already done.
     *
     * @param result the result
     * @return {@code true} if this call completed the future
     */
    boolean trySetResult(T result);

    /**
     * Completes the future with an exception unless it is already done.
     *
     * @param exception the exception (not a {@link CancelledError})
     * @return {@code true} if this call completed the future
     */
    boolean trySetException(Throwable exception);

    /**
     * Returns the loop this future belongs to.
     *
     * @return the loop
     */
    EventLoop loop();

    /**
     * Returns a {@link CompletableFuture} that completes, on the loop thread, when this one does:
     * with its result, with its exception, or exceptionally with a
     * {@link java.util.concurrent.CancellationException}. Cancelling the returned future does not
     * cancel this one. Safe to use from any thread.
     *
     * @return a completion stage for code outside the loop
     */
    CompletableFuture<T> toCompletableFuture();
}
