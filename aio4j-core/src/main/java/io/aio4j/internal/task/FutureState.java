package io.aio4j.internal.task;

/**
 * A future's lifecycle. Every transition leaves {@code PENDING}, exactly once.
 * <pre>
 * from \ to | CANCELLED      | FINISHED
 * ----------+----------------+-----------------------------------
 * PENDING   | cancel(msg)    | setResult / setException
 * CANCELLED | -              | (refused: InvalidStateException)
 * FINISHED  | (cancel: false)| (refused: InvalidStateException)
 * </pre>
 */
enum FutureState {
    /** Not done yet. */
    PENDING,
    /** Done by cancellation. */
    CANCELLED,
    /** Done with a result or an exception. */
    FINISHED
}
