package io.aio4j;

/**
 * A coroutine running on an {@link EventLoop}: asyncio's {@code Task}. It is a {@link Future} of
 * the coroutine's result.
 *
 * <p>Each task is a virtual thread whose code runs on its loop's thread, one piece at a time with
 * everything else on that loop. When the task waits (for a future, a timer, a socket), its virtual
 * thread parks and the loop runs something else; when the wait ends the loop resumes it. Create one
 * with {@link Aio#createTask} or {@link EventLoop#createTask}; the loop keeps a strong reference to
 * every task until it is done, so a task nobody holds still runs to its end.
 *
 * <h2>Cancellation</h2>
 * {@link #cancel(String)} asks the task to stop: a {@link CancelledError} carrying the message is
 * raised inside the task at the wait it is in, or, if it is not waiting, at its next wait. The
 * task may catch it and clean up (and should rethrow it); if the error leaves the coroutine, the
 * task ends cancelled. Requests are counted ({@link #cancelling()}), so code that turns its own
 * cancellation into something else (a timeout) can take back exactly its own request
 * ({@link #uncancel()}).
 *
 * <h2>Pitfalls</h2>
 * A task blocked in a JDK call that parks the virtual thread (a blocking socket read,
 * {@code Thread.sleep}) receives its cancellation only when that call returns and the task next
 * waits through aio4j. aio4j never interrupts a task's thread: interrupting a virtual thread
 * blocked in socket I/O closes the socket.
 *
 * @param <T> the type of the coroutine's result
 */
public interface Task<T> extends Future<T> {

    /**
     * Returns the task's number: unique in the JVM, in creation order, for monitors and logs
     * ({@link LoopSnapshot}); unlike {@link #name()}, never changes.
     *
     * @return the number
     */
    long id();

    /**
     * Returns the task's name: the one given at creation, or {@code "Task-N"}.
     *
     * @return the name
     */
    String name();

    /**
     * Renames the task.
     *
     * @param name the new name
     */
    void setName(String name);

    /**
     * Requests the task's cancellation, and counts the request. If the task is waiting on a future,
     * that future is cancelled, which wakes the task with a {@link CancelledError}; otherwise the
     * error is raised at the task's next wait. A task that returns without waiting again after the
     * request ends cancelled.
     *
     * @param message the message of the {@link CancelledError}, or {@code null}
     * @return {@code false} if the task is already done; {@code true} otherwise, also for a second
     *     request before the first was delivered
     */
    @Override
    boolean cancel(String message);

    /**
     * Returns how many cancellation requests are pending: {@link #cancel} calls not yet matched
     * by {@link #uncancel()}.
     *
     * @return the count
     */
    int cancelling();

    /**
     * Takes back one cancellation request, after the task has handled it (a timeout scope that
     * converted its own cancellation into a timeout calls this). When the count reaches zero, a
     * request not yet delivered is dropped too. Does nothing once the task is done.
     *
     * @return the remaining count
     */
    int uncancel();

    /**
     * Returns the task's current stack, innermost frame first, without aio4j's and the JDK's
     * frames of the wait itself: for a suspended task, the line where it waits. Empty for a task
     * that is done or has not started.
     *
     * @return the stack
     */
    StackTraceElement[] stack();
}
