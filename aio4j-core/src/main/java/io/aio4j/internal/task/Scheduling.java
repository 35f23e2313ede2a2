package io.aio4j.internal.task;

import io.aio4j.EventLoop.SchedulingMode;

/**
 * How one loop runs its tasks' virtual threads: the fast {@link LoopScheduling} or the portable
 * {@link BatonScheduling}. Both keep the same contract: a task's code runs only while the loop
 * has handed it the loop, and a {@link #resume} appends the task to the ready queue exactly where a
 * wake-up callback would go.
 */
interface Scheduling {

    /** Which mode this is. */
    SchedulingMode mode();

    /** Creates the task's virtual thread, unstarted; its body is {@link TaskImpl#run()}. */
    Thread newTaskThread(TaskImpl<?> task);

    /** Starts a task made by {@link #newTaskThread}: its first step runs on a later iteration. */
    void start(TaskImpl<?> task);

    /** First thing the task's thread does. */
    void enterTask(TaskImpl<?> task);

    /** Last thing the task's thread does, after the task is done. */
    void exitTask(TaskImpl<?> task);

    /** Called by the task's own thread: parks it until {@link #resume} runs it again. */
    void suspend(TaskImpl<?> task);

    /** Called on the loop: the task's next step joins the ready queue. */
    void resume(TaskImpl<?> task);

    /** Called by whoever closes the loop: lets a task left pending run again, off the loop, to unwind. */
    void wakeAbandoned(TaskImpl<?> task);

    /** Called by the task's own thread: lets everything ready run once, then continues. */
    void yieldNow(TaskImpl<?> task);

    /**
     * Whether the calling thread {@code current} (a virtual thread) runs on this loop right now.
     *
     * @param current the calling thread
     * @param carrier its carrier thread in the fast mode, else {@code null}
     */
    boolean runsOnLoop(Thread current, Thread carrier);

    /** Whether the loop can run on {@code t}, or needs a thread from {@link #newLoopThread}. */
    boolean canRunLoopOn(Thread t);

    /** A thread of the kind the loop needs, unstarted. */
    Thread newLoopThread(String name, Runnable run);

    /** For the watchdog: the task whose step {@code step} is, or {@code null}. */
    TaskImpl<?> taskOfStep(Runnable step, Iterable<TaskImpl<?>> candidates);
}
