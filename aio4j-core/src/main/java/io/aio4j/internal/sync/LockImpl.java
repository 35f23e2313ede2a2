package io.aio4j.internal.sync;

import io.aio4j.AsyncCallable;
import io.aio4j.AsyncRunnable;
import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.sync.Lock;
import io.aio4j.sync.LockStatistics;

/**
 * {@link Lock} on a {@link ParkingLot}, with direct hand-over (trio's {@code _LockImpl}): a release
 * with waiters unparks the oldest and makes it the owner, so the lock never looks free while a
 * task is owed it. Loop thread only.
 */
public final class LockImpl extends LoopBound implements Lock {
    private final ParkingLot lot = new ParkingLot(this, "Lock.acquire");
    /** Guarded by: the loop thread, as all fields here. */
    private boolean locked;
    /** The task that holds (or is handed) the lock, or {@code null}; informative only. */
    private Task<?> owner;
    /** Gives a hand-over back when its task was cancelled before it resumed: one object per lock. */
    private final Runnable handOn = this::releaseLocked;

    @Override
    protected String kind() {
        return "Lock";
    }

    @Override
    public void acquire() {
        Task<?> task = taskForWait("acquire");
        if (!locked) {
            locked = true;
            owner = task;
            return;
        }
        lot.park(task, handOn); // on return, the releaser made us the owner
    }

    @Override
    public boolean tryAcquire() {
        checkLoop();
        if (locked) {
            return false;
        }
        locked = true;
        owner = Aio.currentTask();
        return true;
    }

    @Override
    public void release() {
        checkLoop();
        if (!locked) {
            throw new IllegalStateException("Lock is not acquired: " + this);
        }
        releaseLocked();
    }

    private void releaseLocked() {
        Task<?> next = lot.unparkOne();
        owner = next;
        locked = next != null;
    }

    @Override
    public boolean locked() {
        return locked;
    }

    @Override
    public <T> T withLock(AsyncCallable<T> body) throws Exception {
        acquire();
        try {
            return body.call();
        } finally {
            release();
        }
    }

    @Override
    public void withLock(AsyncRunnable body) throws Exception {
        acquire();
        try {
            body.run();
        } finally {
            release();
        }
    }

    @Override
    public LockStatistics statistics() {
        return new LockStatistics(locked, owner, lot.waiting());
    }

    @Override
    public String toString() {
        return Describe.of("Lock", locked ? "locked" : "unlocked", lot);
    }
}
