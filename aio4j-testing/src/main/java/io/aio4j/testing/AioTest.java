package io.aio4j.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JUnit 5 test that runs as the main task of a fresh event loop: pytest-asyncio's
 * {@code @pytest.mark.asyncio}, kotlinx-coroutines-test's {@code runTest}. The method body may
 * await, sleep, open connections and sessions; the loop runs until it returns.
 * {@snippet :
 * @AioTest(virtualTime = true)
 * void aTimeoutFiresAfterItsDelay(TestLoop loop) {
 *     long start = loop.time();
 *     assertThat(Aio.withTimeoutOrNull(Duration.ofHours(1), () -> { Aio.sleep(Duration.ofHours(2)); return "late"; }))
 *             .isNull();
 *     assertThat(Duration.ofNanos(loop.time() - start)).isEqualTo(Duration.ofHours(1)); // instant, on virtual time
 * }
 * }
 * The test fails, naming them, when it ends with tasks not done (each with what it waits for) or
 * with sockets, servers or client sessions still open on its loop; the leftover tasks are then
 * cancelled and the loop closed, so one leaky test does not spoil the next. A parameter of type
 * {@link io.aio4j.EventLoop} (or {@link TestLoop}, with virtual time) receives the loop.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Test
@ExtendWith(AioTestExtension.class)
public @interface AioTest {
    /**
     * Runs the loop on virtual time ({@link TestLoop}, autojump on): sleeps and timeouts take no
     * real time. Leave it off for tests that talk to sockets, whose waits are real.
     *
     * @return whether time is virtual
     */
    boolean virtualTime() default false;

    /**
     * How long leftover tasks may take to end once cancelled, before the loop is closed under
     * them, in milliseconds of the loop's clock.
     *
     * @return the grace period
     */
    long cleanupMillis() default 5000;
}
