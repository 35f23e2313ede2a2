package io.aio4j;

/**
 * The body of a coroutine that returns nothing; the void form of {@link AsyncCallable}. A task
 * made from it completes with a {@code null} result.
 */
@FunctionalInterface
public interface AsyncRunnable {
    /**
     * Runs the coroutine's body.
     *
     * @throws Exception whatever the body throws; it becomes the task's exception
     */
    void run() throws Exception;

    /**
     * Returns this body as an {@link AsyncCallable} whose result is {@code null}.
     *
     * @return a callable that runs this body
     */
    default AsyncCallable<Void> asCallable() {
        return () -> {
            run();
            return null;
        };
    }
}
