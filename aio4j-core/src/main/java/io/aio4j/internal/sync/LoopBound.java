package io.aio4j.internal.sync;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Task;
import io.aio4j.internal.loop.SelectorLoop;

/**
 * The loop a primitive or a queue belongs to: the loop of its first use from a loop (asyncio's
 * {@code _LoopBoundMixin}, which CPython's locks and queues share too). Loop thread only, except
 * that a plain thread may use the object while no loop runs it (to prepare it, or read it
 * afterwards). Subclasses call {@link #taskForWait} before they suspend and {@link #checkLoop}
 * everywhere else.
 */
public abstract class LoopBound {
    /** The bound loop, or {@code null} before the first use from a loop; never changes once set. */
    private SelectorLoop loop;

    /** Subclasses only. */
    protected LoopBound() {}

    /**
     * The object's name in messages: {@code Lock}, {@code Queue}...
     *
     * @return the name
     */
    protected abstract String kind();

    /**
     * The message for a call that has to suspend but was not made from a task.
     *
     * @param operation the method, as given to {@link #taskForWait}
     * @return the message; this one says where to call it, subclasses may add what to call instead
     */
    protected String notInATask(String operation) {
        return kind() + "." + operation + "() suspends the calling task, but it was not called from a task; call"
                + " it in a coroutine started with Aio.run(...) or createTask(...)";
    }

    /**
     * Checks the caller and returns its task, for a method that is about to suspend.
     *
     * @param operation the method, for the message ({@code "acquire"})
     * @return the calling task, a task of the loop the object is bound to
     * @throws IllegalStateException if the caller is not a task, or is a task of another loop
     */
    protected final Task<?> taskForWait(String operation) {
        Task<?> task = Aio.currentTask();
        if (task == null) {
            throw new IllegalStateException(notInATask(operation));
        }
        EventLoop caller = task.loop();
        if (caller != loop) {
            bind(caller);
        }
        return task;
    }

    /**
     * Binds the object to the caller's loop on first use, and refuses callers of another loop, or
     * of another thread while the bound loop runs. The fast path is one check that the caller runs
     * on the bound loop.
     *
     * @throws IllegalStateException naming both loops (or the thread) on misuse
     */
    protected final void checkLoop() {
        SelectorLoop bound = loop;
        if (bound != null && bound.inLoopThread()) {
            return;
        }
        EventLoop caller = callerLoop();
        if (caller == null) {
            if (bound != null && bound.isRunning()) {
                throw new IllegalStateException(this + " belongs to event loop '" + bound.name() + "', which is running,"
                        + " but was used from " + Thread.currentThread() + ", which is neither that loop's thread nor"
                        + " one of its tasks; use callSoonThreadsafe(...) to hand work to the loop");
            }
            return; // a plain thread while no loop runs the object: preparing it, or reading it afterwards
        }
        bind(caller);
    }

    private void bind(EventLoop caller) {
        SelectorLoop bound = loop;
        if (bound == null) {
            loop = (SelectorLoop) caller;
        } else if (bound != caller) {
            throw new IllegalStateException(this + " is bound to event loop '" + bound.name() + "', where it was first"
                    + " used, but was used from event loop '" + caller.name() + "'; a " + kind()
                    + " serves the tasks of one loop");
        }
    }

    /** The loop whose task or thread the caller is, or {@code null}. */
    private static EventLoop callerLoop() {
        Task<?> task = Aio.currentTask();
        if (task != null) {
            return task.loop();
        }
        SelectorLoop running = SelectorLoop.runningInThisThread();
        return running != null && running.owner() == Thread.currentThread() ? running : null;
    }
}
