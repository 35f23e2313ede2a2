package io.aio4j.internal.task;

import io.aio4j.EventLoop.SchedulingMode;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * The portable path, on public APIs only: the loop runs on a virtual thread, tasks on the JDK's
 * default scheduler, and exactly one of them holds the baton at a time. A task's step is an item
 * of the ready queue that hands the baton to the task and waits for it back; the task hands it back
 * when it waits through aio4j or ends. A JDK-blocking call inside a task keeps the baton until it
 * returns, like a blocking call inside an asyncio coroutine. Thread-safe where it says so.
 */
final class BatonScheduling implements Scheduling {
    private static final ThreadFactory TASK_THREADS = Thread.ofVirtual().factory();

    /** Who may run loop code now. Written by the thread handing the baton over. */
    private volatile Thread holder;

    @Override
    public SchedulingMode mode() {
        return SchedulingMode.BATON;
    }

    @Override
    public Thread newTaskThread(TaskImpl<?> task) {
        Thread t = TASK_THREADS.newThread(task);
        task.step = new Step(task);
        return t;
    }

    @Override
    public void start(TaskImpl<?> task) {
        task.thread.start(); // it waits for the baton in enterTask
        task.loop.enqueueStep(task.step);
    }

    @Override
    public void enterTask(TaskImpl<?> task) {
        awaitBaton(task);
    }

    @Override
    public void exitTask(TaskImpl<?> task) {
        pass(task.loop.owner());
    }

    @Override
    public void suspend(TaskImpl<?> task) {
        pass(task.loop.owner());
        awaitBaton(task);
    }

    @Override
    public void resume(TaskImpl<?> task) {
        task.loop.enqueueStep(task.step);
    }

    @Override
    public void yieldNow(TaskImpl<?> task) {
        resume(task);
        suspend(task);
    }

    private void pass(Thread to) {
        holder = to;
        LockSupport.unpark(to);
    }

    private void awaitBaton(Thread me) {
        boolean interrupted = false; // park returns at once while interrupted: keep the flag for later
        while (holder != me) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            me.interrupt();
        }
    }

    /** A task waits for the baton, or to be let go by a closed loop. */
    private void awaitBaton(TaskImpl<?> task) {
        boolean interrupted = false;
        while (holder != task.thread && !task.abandoned()) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            task.thread.interrupt();
        }
    }

    @Override
    public void wakeAbandoned(TaskImpl<?> task) {
        LockSupport.unpark(task.thread); // it no longer waits for the baton: nobody holds it now
    }

    @Override
    public boolean runsOnLoop(Thread current, Thread carrier) {
        return holder == current;
    }

    @Override
    public boolean canRunLoopOn(Thread t) {
        return t.isVirtual(); // hand-offs between virtual threads need no OS thread switch
    }

    @Override
    public Thread newLoopThread(String name, Runnable run) {
        return Thread.ofVirtual().name(name).unstarted(run);
    }

    @Override
    public TaskImpl<?> taskOfStep(Runnable step, Iterable<TaskImpl<?>> candidates) {
        return step instanceof Step s ? s.task : null;
    }

    /** One turn of a task: hand it the baton, wait until it hands it back. Loop thread only. */
    private final class Step implements Runnable {
        final TaskImpl<?> task;

        Step(TaskImpl<?> task) {
            this.task = task;
        }

        @Override
        public void run() {
            Thread loopThread = Thread.currentThread();
            pass(task.thread);
            awaitBaton(loopThread);
        }

        @Override
        public String toString() {
            return "step of " + task;
        }
    }
}
