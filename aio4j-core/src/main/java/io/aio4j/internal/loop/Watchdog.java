package io.aio4j.internal.loop;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * One daemon platform thread, shared by every running loop, that samples each loop's current step
 * and reports a step that has held its loop thread longer than the loop's threshold, while it is
 * still running. Thread-safe.
 *
 * <p>Sampling costs the loop two release-stores per step (the step and a sequence number) and no
 * clock read: the watchdog notices the same sequence number on consecutive ticks.
 */
final class Watchdog {
    /** Ticks at a quarter of the smallest threshold, so a report comes at most 25% late. */
    private static final int TICKS_PER_THRESHOLD = 4;
    /** Never tick faster than this: 1 ms, in nanoseconds. */
    private static final long MIN_TICK_NANOS = 1_000_000L;
    /** Never sleep longer than this while loops run: 250 ms, in nanoseconds. */
    private static final long MAX_TICK_NANOS = 250_000_000L;

    private static final Set<SelectorLoop> LOOPS = ConcurrentHashMap.newKeySet();
    /** Guarded by {@code Watchdog.class}. */
    private static Thread thread;

    private Watchdog() {}

    static void watch(SelectorLoop loop) {
        LOOPS.add(loop);
        Thread t;
        synchronized (Watchdog.class) {
            if (thread == null) {
                thread = Thread.ofPlatform().daemon().name("aio4j-watchdog").start(Watchdog::run);
            }
            t = thread;
        }
        LockSupport.unpark(t);
    }

    static void unwatch(SelectorLoop loop) {
        LOOPS.remove(loop);
    }

    private static void run() {
        while (true) {
            long tick = MAX_TICK_NANOS;
            for (SelectorLoop loop : LOOPS) {
                long threshold = loop.slowCallbackNanos();
                if (threshold > 0) {
                    tick = Math.min(tick, Math.max(MIN_TICK_NANOS, threshold / TICKS_PER_THRESHOLD));
                }
            }
            if (LOOPS.isEmpty()) {
                LockSupport.park();
            } else {
                LockSupport.parkNanos(tick);
            }
            long now = System.nanoTime();
            for (SelectorLoop loop : LOOPS) {
                try {
                    loop.watchdogTick(now);
                } catch (Throwable t) {
                    Log.LOGGER.log(System.Logger.Level.ERROR, "aio4j watchdog failed", t);
                }
            }
        }
    }
}
