package io.aio4j;

/**
 * The body of a coroutine that returns a value: ordinary Java code that runs inside a {@link Task}
 * and may suspend it (by calling {@link Aio#await}, {@link Aio#sleep} and the like).
 *
 * <p>It may throw checked exceptions; a task that ends with one holds it as its exception, and
 * whoever awaits the task receives it wrapped once in a
 * {@link java.util.concurrent.CompletionException} (see {@link Future#result()}).
 *
 * <p>A lambda whose body is an expression, such as {@code () -> fetchData(url)}, is an
 * {@code AsyncCallable}; a statement block with no value, such as {@code () -> { log(); }}, is an
 * {@link AsyncRunnable}.
 *
 * @param <T> the type of the coroutine's result
 */
@FunctionalInterface
public interface AsyncCallable<T> {
    /**
     * Runs the coroutine's body.
     *
     * @return the coroutine's result
     * @throws Exception whatever the body throws; it becomes the task's exception
     */
    T call() throws Exception;
}
