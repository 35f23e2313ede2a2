package io.aio4j;

/**
 * Raised inside a task at the wait where its cancellation is delivered, and by the
 * {@code result()} of a cancelled {@link Future}.
 *
 * <p>It is an {@link Error}, not an {@link Exception}, for the reason asyncio made
 * {@code CancelledError} a {@code BaseException}: cancellation is not a failure, and a
 * {@code catch (Exception e)} meant for failures must not swallow it. Code that catches it to
 * clean up should rethrow it; code that catches it and carries on has refused the cancellation
 * (which is allowed, and counted: see {@link Task#cancelling()}).
 *
 * <p>The message is the one given to {@link Future#cancel(String)}, or {@code null}.
 */
public class CancelledError extends Error {
    private static final long serialVersionUID = 1L;

    /** Creates a cancellation with no message. */
    public CancelledError() {
        super();
    }

    /**
     * Creates a cancellation carrying the message given to {@code cancel}.
     *
     * @param message the cancel message, or {@code null}
     */
    public CancelledError(String message) {
        super(message);
    }
}
