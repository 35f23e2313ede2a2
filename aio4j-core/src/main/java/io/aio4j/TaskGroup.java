package io.aio4j;

import io.aio4j.internal.group.TaskGroupImpl;

/**
 * A scope whose tasks all end before it does: asyncio's {@code TaskGroup} (Python 3.11, plus
 * {@link #cancel()} from 3.15), with a supervisor variant (kotlinx's {@code supervisorScope}).
 * {@snippet :
 * import static io.aio4j.Aio.*;
 *
 * TaskGroup.run(group -> {               // async with asyncio.TaskGroup() as group:
 *     group.createTask(() -> fetch("url1"));
 *     group.createTask(() -> fetch("url2"));
 * });                                     // both are done here
 *
 * List<Task<String>> tasks = TaskGroup.call(group ->
 *         List.of(group.createTask(() -> fetch("a")), group.createTask(() -> fetch("b"))));
 * String first = tasks.get(0).result();   // done: result() does not wait
 * }
 *
 * <h2>What happens when</h2>
 * <ul>
 * <li><b>All goes well:</b> {@link #run} runs the body in the calling task, then suspends it until
 *     every child is done, also children created late (by other children, or while it waits).
 * <li><b>A child fails</b> (ends with an exception): the group cancels every other child and the
 *     body (the body sees a {@link CancelledError} at its current wait), waits until all are done,
 *     and throws an {@link ExceptionGroup} of the failures. It never contains a
 *     {@link CancelledError}: children that were cancelled are not failures. A child cancelled
 *     explicitly (by {@code task.cancel()}) does not affect the group at all.
 * <li><b>The body throws</b> an exception: the same, and the body's exception is the last one in
 *     the {@link ExceptionGroup}.
 * <li><b>The calling task is cancelled</b> from outside: every child is cancelled, and once all
 *     are done {@link #run} throws the {@link CancelledError}, not a group, unless children failed
 *     meanwhile (say in a {@code finally} block while being cancelled): then it throws the
 *     {@link ExceptionGroup} of those failures, and the cancellation is still pending: the task
 *     receives it again at its next wait.
 * <li><b>{@link #cancel()}</b> was called: children and body are cancelled, and {@link #run}
 *     returns normally (failures still surface as a group).
 * </ul>
 * Whichever way {@link #run} ends, every child is done by then: none runs on behind it, also
 * when the calling task was cancelled (a child that refuses its cancellation delays the end).
 *
 * <p>The group tells its own cancellation of the calling task from a cancellation from outside by
 * counting ({@link Task#cancelling()} / {@link Task#uncancel()}), as CPython does, so nested
 * groups and timeout scopes keep their meaning. A group nested in another's body that fails
 * reaches the outer caller as a group inside the outer group.
 *
 * <h2>Fatal throwables: {@link Error}s and {@link InterruptedException}</h2>
 * asyncio lets {@code KeyboardInterrupt} and {@code SystemExit} propagate as themselves instead of
 * wrapping them in a group. aio4j does the same for every {@link Error} other than
 * {@link CancelledError} ({@link OutOfMemoryError}, {@link StackOverflowError},
 * {@link AssertionError}, ...), and for an {@link InterruptedException} that a child or the body
 * ended with: the group cancels everything as for a failure, waits, and then throws the first such
 * throwable itself, an {@code Error} as it was and an {@code InterruptedException} wrapped once in a
 * {@link java.util.concurrent.CompletionException} (the rule for checked exceptions, DESIGN.md
 * §2). The other failures are attached to it as {@linkplain Throwable#getSuppressed() suppressed}.
 * So a {@code catch (ExceptionGroup e)} never swallows them, and {@link ExceptionGroup} holds only
 * {@link Exception}s. Only an {@code InterruptedException} the task itself ended with counts (its
 * own thread was interrupted); one that arrived wrapped, from a thread of {@link Aio#toThread}
 * say, is an ordinary failure. The interrupt status is not set again on the calling task's
 * thread: aio4j's waits park that thread, and a thread whose interrupt status is set cannot park.
 *
 * <h2>Why a body and not try-with-resources</h2>
 * The group must be able to replace the exception that leaves its block (a child's failure that
 * cancelled the body turns the body's {@link CancelledError} into an {@link ExceptionGroup}), and
 * {@code close()} cannot: Java adds an exception thrown by {@code close()} to the block's as
 * suppressed. So the group is not {@link AutoCloseable}: it takes the body, the way
 * {@link Aio#withTimeout(java.time.Duration, AsyncCallable)} does. Two names, not two overloads,
 * for the void and the value form: with overloads, javac cannot choose for a lambda such as
 * {@code g -> g.createTask(work)}.
 *
 * <h2>Pitfalls</h2>
 * <ul>
 * <li>The group object belongs to the body: keep it to create tasks from children, but once the
 *     group is done (or failing) {@link #createTask} throws {@link IllegalStateException}.
 * <li>A body that catches the {@link CancelledError} and carries on defeats the group: children
 *     are already cancelled, and the failure surfaces only when the body returns.
 * <li>A {@link #supervise supervisor} collects every failure until it is done: a supervisor meant
 *     to run for ever should handle failures in its children.
 * <li>Loop thread only: create tasks from the body, from children, or from callbacks of the loop.
 * </ul>
 */
public interface TaskGroup {

    /**
     * Runs {@code body} in the calling task as the block of a new group and waits for all its
     * children: asyncio's {@code async with TaskGroup() as group: body}. Suspends the calling task.
     *
     * @param body the block; it receives the group to create children with
     * @throws ExceptionGroup if children or the body failed: the failures, in the order they
     *     happened, the body's last
     * @throws CancelledError if the calling task was cancelled from outside and nothing failed
     * @throws Error the first {@link Error} a child or the body threw, as it was
     * @throws java.util.concurrent.CompletionException wrapping the first
     *     {@link InterruptedException} a child or the body ended with
     * @throws IllegalStateException if not called in a task of a running loop
     */
    static void run(VoidBody body) {
        TaskGroupImpl.run(false, group -> {
            body.run(group);
            return null;
        });
    }

    /**
     * Like {@link #run(VoidBody)} for a body that returns a value: the value is returned once
     * every child is done. Suspends the calling task. Returns {@code null} if the body was cancelled by {@link #cancel()}
     * before it returned.
     *
     * @param body the block; it receives the group
     * @param <T> the result type
     * @return the body's result
     * @throws ExceptionGroup if children or the body failed; see {@link #run(VoidBody)}
     */
    static <T> T call(Body<T> body) {
        return TaskGroupImpl.run(false, body);
    }

    /**
     * Runs {@code body} as the block of a supervisor group: like {@link #run(VoidBody)}, except that
     * a failing child cancels nothing; its siblings and the body run on, and the failures surface
     * together in an {@link ExceptionGroup} when all are done. Suspends the calling task. kotlinx's {@code supervisorScope}
     * (asked for in cpython#101581). The body's own failure, a cancellation from outside,
     * {@link #cancel()} and a fatal throwable (see the class comment) still cancel every child. A
     * failed child does not make the group refuse new tasks.
     *
     * @param body the block; it receives the group
     * @throws ExceptionGroup if children or the body failed
     */
    static void supervise(VoidBody body) {
        TaskGroupImpl.run(true, group -> {
            body.run(group);
            return null;
        });
    }

    /**
     * Like {@link #supervise(VoidBody)} for a body that returns a value; see
     * {@link #call(Body)}. Suspends the calling task.
     *
     * @param body the block; it receives the group
     * @param <T> the result type
     * @return the body's result, or {@code null} if {@link #cancel()} cancelled the body
     * @throws ExceptionGroup if children or the body failed
     */
    static <T> T superviseCall(Body<T> body) {
        return TaskGroupImpl.run(true, body);
    }

    /**
     * Creates a child task: asyncio's {@code group.create_task}. It starts on the next iteration
     * of the loop, like {@link Aio#createTask(AsyncCallable)}, and the group waits for it.
     *
     * @param body the coroutine
     * @param <T> the result type
     * @return the task
     * @throws IllegalStateException if the group is failing, cancelled or done
     */
    <T> Task<T> createTask(AsyncCallable<T> body);

    /**
     * Creates a named child task; see {@link #createTask(AsyncCallable)}.
     *
     * @param body the coroutine
     * @param name the task's name
     * @param <T> the result type
     * @return the task
     * @throws IllegalStateException if the group is failing, cancelled or done
     */
    <T> Task<T> createTask(AsyncCallable<T> body, String name);

    /**
     * Creates a child task that returns nothing; see {@link #createTask(AsyncCallable)}.
     *
     * @param body the coroutine
     * @return the task
     * @throws IllegalStateException if the group is failing, cancelled or done
     */
    Task<Void> createTask(AsyncRunnable body);

    /**
     * Creates a named child task that returns nothing; see {@link #createTask(AsyncCallable)}.
     *
     * @param body the coroutine
     * @param name the task's name
     * @return the task
     * @throws IllegalStateException if the group is failing, cancelled or done
     */
    Task<Void> createTask(AsyncRunnable body, String name);

    /**
     * Stops the group early: asyncio's {@code TaskGroup.cancel()} (Python 3.15). Cancels every
     * child not yet done and the body (which sees a {@link CancelledError} at its current or next
     * wait); once all are done, {@link #run} returns normally instead of throwing the
     * cancellation. Call it from the body, a child, or a callback, for instance when the goal of
     * the tasks has been reached.
     *
     * <p>Failures of children (also in their {@code finally} blocks) still surface as an
     * {@link ExceptionGroup}, and a cancellation of the calling task from outside still propagates
     * as a {@link CancelledError}. After this call the group refuses new tasks. Idempotent; does
     * nothing once the group is done.
     */
    void cancel();

    /**
     * Tells whether this is a supervisor group ({@link #supervise}), whose failing children do not
     * cancel their siblings.
     *
     * @return {@code true} for a supervisor
     */
    boolean supervisor();

    /**
     * The block of a group that returns a value.
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    interface Body<T> {
        /**
         * Runs the block.
         *
         * @param group the group, to create children with
         * @return the result
         * @throws Exception whatever the block throws; it fails the group and ends up in its
         *     {@link ExceptionGroup}
         */
        T call(TaskGroup group) throws Exception;
    }

    /** The block of a group that returns nothing. */
    @FunctionalInterface
    interface VoidBody {
        /**
         * Runs the block.
         *
         * @param group the group, to create children with
         * @throws Exception whatever the block throws; it fails the group and ends up in its
         *     {@link ExceptionGroup}
         */
        void run(TaskGroup group) throws Exception;
    }
}
