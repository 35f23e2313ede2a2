package io.aio4j.queue;

import static io.aio4j.Aio.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.LoopTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link LifoQueue}: the newest item first, waiting getters still first come, first served; the
 * waiting and cancellation rules are {@link Queue}'s (see QueueCancellationTest). Ported from
 * CPython's {@code test_queues.py} ({@code LifoQueueTests}).
 */
class LifoQueueTest extends LoopTest {

    // LifoQueueTests.test_order
    @Test
    void itemsComeOutNewestFirst() {
        LifoQueue<Integer> q = LifoQueue.create();
        for (int i : new int[] {1, 3, 2}) {
            q.putNowait(i);
        }
        assertThat(q).hasToString("<LifoQueue maxsize=0 items=[2, 3, 1] getters=0 putters=0 tasks=3>");
        List<Integer> got = run(() -> List.of(q.get(), q.get(), q.get()));
        assertThat(got).containsExactly(2, 3, 1);
    }

    @Test
    void waitingGettersAreStillServedInTheOrderTheyStartedWaiting() {
        LifoQueue<String> q = LifoQueue.create();
        loop.createTask(() -> record("g1 got " + q.get()));
        loop.createTask(() -> record("g2 got " + q.get()));
        loop.runUntilIdle();
        q.putNowait("a");
        q.putNowait("b"); // both before the getters resume: the first one gets the newest
        loop.runUntilIdle();
        assertThat(events).containsExactly("g1 got b", "g2 got a");
    }

    @Test
    void aBoundedLifoQueueMakesPuttersWaitAndTheirItemGoesOnTop() {
        LifoQueue<Integer> q = LifoQueue.create(2);
        run(() -> {
            q.put(1);
            q.put(2);
            io.aio4j.Aio.createTask(() -> {
                sleep(Duration.ofMillis(5));
                record("took " + q.get());
            });
            q.put(3);
            record("put 3 at " + nowMillis());
            record("then " + q.get() + ", " + q.get());
        });
        assertThat(events).containsExactly("took 2", "put 3 at 5", "then 3, 1");
    }
}
