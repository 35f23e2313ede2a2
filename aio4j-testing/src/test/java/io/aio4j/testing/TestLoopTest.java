package io.aio4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.Aio;
import io.aio4j.LoopOptions;
import io.aio4j.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public {@link TestLoop}: virtual time that moves only when the test says so (trio's
 * {@code MockClock}, kotlinx's {@code TestCoroutineScheduler}). Events record what ran and at which
 * virtual millisecond, so each test is an ordering story in time.
 */
class TestLoopTest {
    private TestLoop loop;
    private final List<String> events = new ArrayList<>();

    @BeforeEach
    void createLoop() {
        loop = TestLoop.create(LoopOptions.defaults().withName("TestLoopTest"));
    }

    @AfterEach
    void closeLoop() {
        assertThat(loop.allTasks()).as("tasks left running by the test").isEmpty();
        loop.close();
    }

    private long nowMillis() {
        return Duration.ofNanos(loop.time()).toMillis();
    }

    private Runnable recordAt(String name) {
        return () -> events.add(name + " at " + nowMillis() + " ms");
    }

    // Spec (TestLoop.advanceBy): each timer that falls due runs at its own deadline, in deadline
    // order, equal deadlines in the order they were scheduled; a timer scheduled on the way runs at
    // its own deadline too; time ends exactly where asked.
    @Test
    void advanceByRunsEachTimerAtItsOwnDeadlineInOrder() {
        loop.setAutojump(false);
        loop.callLater(Duration.ofMillis(30), recordAt("c"));
        loop.callLater(Duration.ofMillis(10), recordAt("a"));
        loop.callLater(Duration.ofMillis(20), () -> {
            recordAt("b").run();
            loop.callLater(Duration.ofMillis(3), recordAt("b+3"));
        });
        loop.callLater(Duration.ofMillis(10), recordAt("a2"));

        loop.advanceBy(Duration.ofMillis(25));
        assertThat(events).containsExactly("a at 10 ms", "a2 at 10 ms", "b at 20 ms", "b+3 at 23 ms");
        assertThat(nowMillis()).isEqualTo(25);

        loop.advanceBy(Duration.ofMillis(10));
        assertThat(events).endsWith("c at 30 ms").hasSize(5);
        assertThat(nowMillis()).isEqualTo(35);
    }

    // Spec (TestLoop.advanceBy): time moves forward only.
    @Test
    void advanceByRefusesToMoveTimeBackwards() {
        assertThatThrownBy(() -> loop.advanceBy(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(loop.time()).isZero();
    }

    // Spec (TestLoop.runUntilIdle): everything ready runs, again and again (callbacks that schedule
    // callbacks, tasks up to their next wait), but time does not move, so a timer stays pending
    // even with autojump on.
    @Test
    void runUntilIdleRunsEverythingReadyButDoesNotMoveTime() {
        loop.callSoon(() -> {
            recordAt("callback").run();
            loop.callSoon(recordAt("callback it scheduled"));
        });
        Task<Void> sleeper = loop.createTask(() -> {
            recordAt("task starts").run();
            Aio.sleep(Duration.ofSeconds(1));
            recordAt("task wakes").run();
        });

        loop.runUntilIdle();
        assertThat(events).containsExactly("callback at 0 ms", "task starts at 0 ms", "callback it scheduled at 0 ms");
        assertThat(loop.time()).isZero();
        assertThat(sleeper.done()).isFalse();

        loop.advanceBy(Duration.ofSeconds(1));
        assertThat(events).endsWith("task wakes at 1000 ms");
        assertThat(sleeper.done()).isTrue();
    }

    // Spec (TestLoop, autojump on by default): when the loop has nothing else to do it jumps to the
    // next timer, so a task that sleeps an hour finishes at once, at virtual time one hour.
    @Test
    void autojumpMakesAnHourLongSleepFinishAtVirtualTimeOneHour() {
        assertThat(loop.autojump()).isTrue();
        long finishedAt = loop.runTask(() -> {
            Aio.sleep(Duration.ofHours(1));
            return loop.time();
        });
        assertThat(Duration.ofNanos(finishedAt)).isEqualTo(Duration.ofHours(1));
        assertThat(Duration.ofNanos(loop.time())).isEqualTo(Duration.ofHours(1));
    }

    // Spec (TestLoop.advanceBy): from inside the running loop it only moves the clock. The timer
    // that became due runs on the loop's next iteration, at the new time (not at its own
    // deadline), and, as in asyncio, after the task's own resumption that was already queued.
    @Test
    void advanceByFromInsideATaskOnlyMovesTheClock() {
        loop.setAutojump(false);
        loop.callLater(Duration.ofMinutes(30), recordAt("half-hour timer"));
        loop.runTask(() -> {
            loop.advanceBy(Duration.ofHours(1));
            recordAt("task after advanceBy").run();
            Aio.sleep(Duration.ZERO); // the loop takes its next iteration
            recordAt("task after yielding once").run();
            Aio.sleep(Duration.ZERO);
            recordAt("task after yielding twice").run();
            return null;
        });
        assertThat(events).containsExactly("task after advanceBy at 3600000 ms", "task after yielding once at 3600000 ms",
                "half-hour timer at 3600000 ms", "task after yielding twice at 3600000 ms");
    }
}
