package io.aio4j.internal.task;

import io.aio4j.AsyncCallable;
import io.aio4j.LoopOptions;
import io.aio4j.Task;
import io.aio4j.internal.loop.VirtualClock;
import java.time.Duration;

/**
 * The same loop with its clock replaced by a {@link VirtualClock}: time moves only when a test says
 * so ({@link #advanceBy}), or, with autojump on, whenever the loop would otherwise wait for a
 * timer. The engine of {@code io.aio4j.testing.TestLoop}. Loop thread only, like any loop; the
 * driving methods run the loop on the calling thread.
 */
public class VirtualTimeLoop extends TaskLoop {
    private final VirtualClock virtualClock;

    /**
     * Creates a loop at virtual time zero.
     *
     * @param options its options
     * @param autojump whether an idle loop jumps to its next timer
     */
    public VirtualTimeLoop(LoopOptions options, boolean autojump) {
        this(options, new VirtualClock(autojump));
    }

    private VirtualTimeLoop(LoopOptions options, VirtualClock clock) {
        super(options, clock);
        this.virtualClock = clock;
    }

    /**
     * Runs every callback and task step that is ready, again and again, until nothing is ready and
     * no timer is due at the current virtual time. Time does not move.
     */
    public void runUntilIdle() {
        drive(this::runUntilIdleOnce);
    }

    /**
     * Moves virtual time forward by {@code delta}, running everything that becomes due on the way,
     * in deadline order, each at its own deadline. Called from inside the running loop (a task or
     * callback), it only moves the clock; the loop handles the timers on its next iteration.
     *
     * @param delta how far
     */
    public void advanceBy(Duration delta) {
        if (delta.isNegative()) {
            throw new IllegalArgumentException("time moves forward only: " + delta);
        }
        long target = time() + delta.toNanos();
        if (isRunning() && inLoopThread()) {
            virtualClock.advanceTo(target);
            return;
        }
        drive(() -> {
            runUntilIdleOnce();
            long next;
            while ((next = nextTimerDeadline()) <= target) {
                virtualClock.advanceTo(next);
                runUntilIdleOnce();
            }
            virtualClock.advanceTo(target);
            runUntilIdleOnce();
        });
    }

    /**
     * Tells whether autojump is on.
     *
     * @return whether an idle loop jumps to its next timer
     */
    public boolean autojump() {
        return virtualClock.autojump();
    }

    /**
     * Turns autojump on or off.
     *
     * @param enabled whether an idle loop jumps to its next timer
     */
    public void setAutojump(boolean enabled) {
        virtualClock.setAutojump(enabled);
    }

    /**
     * Runs {@code body} as a task until it is done and returns its result, like
     * {@code Aio.run} but on this loop, which stays open. Needs autojump for timers to fire.
     *
     * @param body the coroutine
     * @param <T> the result type
     * @return the result
     */
    public <T> T runTask(AsyncCallable<T> body) {
        Task<T> t = createTask(body);
        return runUntilComplete(t);
    }

    private void drive(Runnable body) {
        if (Thread.currentThread().isVirtual() && scheduling.mode() == io.aio4j.EventLoop.SchedulingMode.LOOP_SCHEDULER) {
            throw new IllegalStateException("drive a test loop from a platform thread: its tasks' continuations run on the"
                    + " driving thread");
        }
        driveHere(body);
    }
}
