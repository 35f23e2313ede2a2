package io.aio4j.internal.task;

import io.aio4j.EventLoop.SchedulingMode;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * The fast path: every task is a virtual thread whose scheduler is the loop, so its continuation
 * runs as one item of the loop's ready queue, on the loop's platform thread. Parking a task is
 * {@link LockSupport#park}; resuming it is {@link LockSupport#unpark}, which makes the JDK hand the
 * continuation to {@link TaskLoop#executeContinuation} at once. Loop thread only, except
 * {@link #newLoopThread}.
 *
 * <p>Virtual threads that task code starts with the public API inherit this scheduler, so they
 * too run on the loop thread (without being tasks).
 */
final class LoopScheduling implements Scheduling {
    private final ThreadFactory factory;
    private final TaskLoop loop;

    LoopScheduling(TaskLoop loop) {
        this.loop = loop;
        this.factory = SchedulerAccess.builder(loop::executeContinuation).factory();
    }

    @Override
    public SchedulingMode mode() {
        return SchedulingMode.LOOP_SCHEDULER;
    }

    @Override
    public Thread newTaskThread(TaskImpl<?> task) {
        return factory.newThread(task);
    }

    @Override
    public void start(TaskImpl<?> task) {
        task.thread.start(); // the JDK calls executeContinuation: the first step joins the ready queue
    }

    @Override
    public void enterTask(TaskImpl<?> task) {}

    @Override
    public void exitTask(TaskImpl<?> task) {}

    @Override
    public void suspend(TaskImpl<?> task) {
        // A spare permit (left by Thread.sleep, say) makes park return early: loop on the flag.
        // An interrupt makes park return at once too: keep it for the task, but not while parked.
        boolean interrupted = false;
        while (!task.woken()) {
            LockSupport.park(task);
            interrupted |= Thread.interrupted();
        }
        task.setWoken(false);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void resume(TaskImpl<?> task) {
        task.setWoken(true);
        LockSupport.unpark(task.thread);
    }

    @Override
    public void wakeAbandoned(TaskImpl<?> task) {
        resume(task); // the closed loop hands the continuation to its orphan executor
    }

    @Override
    public void yieldNow(TaskImpl<?> task) {
        Thread.yield(); // the JDK resubmits the continuation to the loop: it runs after what is ready
    }

    @Override
    public boolean runsOnLoop(Thread current, Thread carrier) {
        return carrier != null && carrier == loop.owner();
    }

    @Override
    public boolean canRunLoopOn(Thread t) {
        return !t.isVirtual(); // a continuation cannot run inside another virtual thread
    }

    @Override
    public Thread newLoopThread(String name, Runnable run) {
        return Thread.ofPlatform().name(name).unstarted(run);
    }

    @Override
    public TaskImpl<?> taskOfStep(Runnable step, Iterable<TaskImpl<?>> candidates) {
        for (TaskImpl<?> t : candidates) {
            if (t.thread != null && SchedulerAccess.continuationOf(t.thread) == step) {
                return t;
            }
        }
        return null;
    }
}
