package io.aio4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CI runs the suite twice: with java.lang opened (fast path) and without (portable baton). */
class SchedulingModeTest {
    @Test
    void theModeIsTheOneThisRunExpects() {
        String expected = System.getProperty("aio4j.expectMode");
        EventLoop.SchedulingMode mode = EventLoop.schedulingMode();
        if ("LOOP_SCHEDULER".equals(expected)) {
            assertThat(mode).isEqualTo(EventLoop.SchedulingMode.LOOP_SCHEDULER);
        } else if ("BATON".equals(expected)) {
            assertThat(mode).isEqualTo(EventLoop.SchedulingMode.BATON);
        }
    }

    @Test
    void aioRunRunsTheMainTaskAndReturnsItsResult() {
        assertThat(Aio.run(() -> {
            Task<Integer> t = Aio.createTask(() -> 21);
            return Aio.await(t) * 2;
        })).isEqualTo(42);
    }
}
