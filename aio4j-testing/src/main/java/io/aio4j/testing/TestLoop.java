package io.aio4j.testing;

import io.aio4j.AsyncCallable;
import io.aio4j.EventLoop;
import io.aio4j.LoopOptions;
import io.aio4j.testing.internal.TestLoopImpl;
import java.time.Duration;

/**
 * An {@link EventLoop} on virtual time, for tests that must not sleep for real: the same loop, with
 * its clock replaced (trio's {@code MockClock}, kotlinx's {@code TestCoroutineScheduler}).
 *
 * <p>Time starts at zero and moves only when the test says so:
 * {@snippet :
 * try (TestLoop loop = TestLoop.create()) {
 *     loop.setAutojump(false);
 *     List<String> log = new ArrayList<>();
 *     loop.callLater(Duration.ofSeconds(10), () -> log.add("ten seconds"));
 *     loop.advanceBy(Duration.ofSeconds(9));
 *     assert log.isEmpty();
 *     loop.advanceBy(Duration.ofSeconds(1));
 *     assert log.equals(List.of("ten seconds"));
 * }
 * }
 * With autojump on (the default), {@link #runUntilComplete} and {@link #runTask} jump the clock to
 * the next timer whenever the loop has nothing else to do, so a task that sleeps an hour finishes
 * at once, at virtual time one hour.
 *
 * <p>The driving methods ({@link #runUntilIdle()}, {@link #advanceBy}) run the loop on the
 * calling thread, which must be a platform thread.
 */
public interface TestLoop extends EventLoop {

    /**
     * Creates a test loop at virtual time zero, with autojump on.
     *
     * @return the loop
     */
    static TestLoop create() {
        return create(LoopOptions.defaults());
    }

    /**
     * Creates a test loop with options, at virtual time zero, with autojump on.
     *
     * @param options the loop's options
     * @return the loop
     */
    static TestLoop create(LoopOptions options) {
        return new TestLoopImpl(options);
    }

    /**
     * Runs everything ready, repeatedly, until every task waits and no timer is due. Time does not
     * move.
     */
    void runUntilIdle();

    /**
     * Moves time forward, running each timer that falls due at its own deadline, in order, and
     * everything that becomes ready on the way. From inside the running loop it only moves the
     * clock.
     *
     * @param delta how far
     */
    void advanceBy(Duration delta);

    /**
     * Tells whether autojump is on.
     *
     * @return whether an idle loop jumps to its next timer
     */
    boolean autojump();

    /**
     * Turns autojump on or off.
     *
     * @param enabled whether an idle loop jumps to its next timer
     */
    void setAutojump(boolean enabled);

    /**
     * Runs a coroutine as a task on this loop until it is done and returns its result; the loop
     * stays open.
     *
     * @param body the coroutine
     * @param <T> the result type
     * @return the result
     */
    <T> T runTask(AsyncCallable<T> body);
}
