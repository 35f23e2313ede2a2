package io.aio4j.internal.task;

import io.aio4j.Future;
import io.aio4j.LoopOptions;
import io.aio4j.Task;
import io.aio4j.internal.loop.Log;
import java.time.Duration;

/**
 * Runs aio4j's suspend and resume paths a few thousand times on a private virtual-time loop, once
 * per JVM, before the first real loop exists.
 *
 * <p>Why: the JIT compiles {@code suspend} while the first tasks are parked in it, before any of
 * them was resumed, so the branch taken on resume looks impossible and is compiled as an uncommon
 * trap. Every task parked in that compiled frame then deoptimises on resume, one by one (76,568
 * deoptimisations for 100,000 cold sleeping tasks, measured here). Taking both branches during
 * warm-up puts them in the profile. Costs a few milliseconds. Thread-safe; idempotent; disabled with
 * {@code -Daio4j.warmup=false}.
 */
final class Warmup {
    /** Rounds: past C1's tier-3 threshold (200 calls), so the profiling code sees both branches. */
    private static final int ROUNDS = 400;
    private static volatile boolean done;

    private Warmup() {}

    static void ensureDone() {
        if (done || !Boolean.parseBoolean(System.getProperty("aio4j.warmup", "true"))) {
            return;
        }
        synchronized (Warmup.class) {
            if (done) {
                return;
            }
            done = true;
            if (Thread.currentThread().isVirtual()) {
                PlatformThreads.runAndWait("aio4j-warmup", Warmup::run); // a fast-mode loop needs a platform thread
            } else {
                run();
            }
        }
    }

    private static void run() {
        try (VirtualTimeLoop loop = new VirtualTimeLoop(LoopOptions.defaults().withName("aio4j-warmup"), true)) {
            loop.runTask(() -> {
                @SuppressWarnings("unchecked")
                Future<Integer>[] box = new Future[] {loop.createFuture(), loop.createFuture()};
                Task<Void> echo = loop.createTask(() -> {
                    for (int i = 0; i < ROUNDS; i++) {
                        int v = Coroutines.await(box[0]);
                        box[0] = loop.createFuture();
                        box[1].setResult(v);
                        Coroutines.sleep(Duration.ZERO);
                    }
                });
                for (int i = 0; i < ROUNDS; i++) {
                    Future<Integer> back = box[1];
                    box[0].setResult(i);
                    Coroutines.await(back);
                    box[1] = loop.createFuture();
                    Coroutines.sleep(Duration.ofMillis(1)); // virtual time: instant
                }
                Coroutines.await(echo);
                return null;
            });
        } catch (Throwable t) {
            Log.LOGGER.log(System.Logger.Level.DEBUG, "aio4j warm-up failed; carrying on cold", t);
        }
    }
}
