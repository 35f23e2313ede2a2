package io.aio4j.internal.sync;

import io.aio4j.AsyncCallable;
import io.aio4j.AsyncRunnable;
import io.aio4j.Task;
import io.aio4j.sync.BoundedSemaphore;
import io.aio4j.sync.Semaphore;
import io.aio4j.sync.SemaphoreStatistics;

/**
 * {@link Semaphore} on a {@link ParkingLot}, with direct hand-over: a release with waiters gives
 * its permit to the oldest instead of counting it, so {@code value > 0} implies no live waiter and
 * an acquire never jumps the queue (trio's {@code Semaphore}). Loop thread only.
 */
public class SemaphoreImpl extends LoopBound implements Semaphore {
    private final ParkingLot lot = new ParkingLot(this, "Semaphore.acquire");
    /** Free permits. Guarded by: the loop thread. */
    int value;
    /** Gives a hand-over back when its task was cancelled before it resumed. */
    private final Runnable handOn = this::givePermit;

    /**
     * Creates a semaphore with {@code value} permits.
     *
     * @param value the initial permits
     * @throws IllegalArgumentException if negative
     */
    public SemaphoreImpl(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("Semaphore initial value must be >= 0, not " + value);
        }
        this.value = value;
    }

    @Override
    protected String kind() {
        return "Semaphore";
    }

    @Override
    public final void acquire() {
        Task<?> task = taskForWait("acquire");
        if (value > 0) {
            value--;
            return;
        }
        lot.park(task, handOn); // on return, the releaser handed us its permit
    }

    @Override
    public final boolean tryAcquire() {
        checkLoop();
        if (value > 0) {
            value--;
            return true;
        }
        return false;
    }

    @Override
    public void release() {
        checkLoop();
        givePermit();
    }

    final void givePermit() {
        if (lot.unparkOne() == null) {
            value++;
        }
    }

    @Override
    public final boolean locked() {
        return value == 0;
    }

    @Override
    public final <T> T withPermit(AsyncCallable<T> body) throws Exception {
        acquire();
        try {
            return body.call();
        } finally {
            release();
        }
    }

    @Override
    public final void withPermit(AsyncRunnable body) throws Exception {
        acquire();
        try {
            body.run();
        } finally {
            release();
        }
    }

    @Override
    public final SemaphoreStatistics statistics() {
        return new SemaphoreStatistics(value, lot.waiting());
    }

    @Override
    public String toString() {
        return Describe.of(kind(), value == 0 ? "locked" : "unlocked value=" + value, lot);
    }

    final ParkingLot lot() {
        return lot;
    }

    /** {@link BoundedSemaphore}: a release past the initial value throws. */
    public static final class Bounded extends SemaphoreImpl implements BoundedSemaphore {
        private final int bound;

        /**
         * Creates a bounded semaphore.
         *
         * @param value the initial permits, and the most it may hold
         */
        public Bounded(int value) {
            super(value);
            this.bound = value;
        }

        @Override
        protected String kind() {
            return "BoundedSemaphore";
        }

        @Override
        public int bound() {
            return bound;
        }

        @Override
        public void release() {
            checkLoop();
            if (value >= bound) {
                throw new IllegalStateException("BoundedSemaphore released too many times: " + this);
            }
            givePermit();
        }

        @Override
        public String toString() {
            return Describe.of(kind(), value == 0 ? "locked" : "unlocked value=" + value + "/" + bound, lot());
        }
    }
}
