package io.aio4j.internal.sync;

import io.aio4j.AsyncCallable;
import io.aio4j.AsyncRunnable;
import io.aio4j.CancelledError;
import io.aio4j.Task;
import io.aio4j.sync.Condition;
import io.aio4j.sync.ConditionStatistics;
import io.aio4j.sync.Lock;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * {@link Condition} on a {@link ParkingLot} and any {@link Lock} (CPython 3.13
 * {@code Condition.wait}, with trio's lot). Loop thread only.
 */
public final class ConditionImpl extends LoopBound implements Condition {
    private final Lock lock;
    private final ParkingLot lot = new ParkingLot(this, "Condition.await");
    /** A signal that reached a task cancelled before it resumed goes to the next waiter. */
    private final Runnable passSignalOn = () -> lot.unpark(1);

    /**
     * Creates a condition on {@code lock}.
     *
     * @param lock the lock
     */
    public ConditionImpl(Lock lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    @Override
    protected String kind() {
        return "Condition";
    }

    @Override
    public Lock lock() {
        return lock;
    }

    @Override
    public void acquire() {
        lock.acquire();
    }

    @Override
    public void release() {
        lock.release();
    }

    @Override
    public boolean locked() {
        return lock.locked();
    }

    @Override
    public <T> T withLock(AsyncCallable<T> body) throws Exception {
        return lock.withLock(body);
    }

    @Override
    public void withLock(AsyncRunnable body) throws Exception {
        lock.withLock(body);
    }

    @Override
    public void await() {
        Task<?> task = taskForWait("await");
        if (!lock.locked()) {
            throw new IllegalStateException("cannot wait on un-acquired lock: " + this);
        }
        lock.release();
        CancelledError cancelled = null;
        boolean signalled = false;
        try {
            lot.park(task, passSignalOn);
            signalled = true;
        } catch (CancelledError e) {
            cancelled = e;
        }
        // Re-acquire even if cancelled, so the caller's finally releases a lock it holds.
        while (true) {
            try {
                lock.acquire();
                break;
            } catch (CancelledError e) {
                cancelled = e;
                if (signalled) {
                    signalled = false;
                    lot.unpark(1); // this task will not act on the signal: someone else should
                }
            }
        }
        if (cancelled != null) {
            throw cancelled;
        }
    }

    @Override
    public void awaitFor(BooleanSupplier predicate) {
        while (!predicate.getAsBoolean()) {
            await();
        }
    }

    @Override
    public void signal() {
        signal(1);
    }

    @Override
    public void signal(int n) {
        checkLoop();
        requireLocked("notify");
        lot.unpark(n);
    }

    @Override
    public void signalAll() {
        checkLoop();
        requireLocked("notify");
        lot.unparkAll();
    }

    private void requireLocked(String operation) {
        if (!lock.locked()) {
            throw new IllegalStateException("cannot " + operation + " on un-acquired lock: " + this);
        }
    }

    @Override
    public ConditionStatistics statistics() {
        return new ConditionStatistics(lot.waiting(), lock.statistics());
    }

    @Override
    public String toString() {
        return Describe.of("Condition", lock.locked() ? "locked" : "unlocked", lot);
    }
}
