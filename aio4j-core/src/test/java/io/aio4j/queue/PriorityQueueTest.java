package io.aio4j.queue;

import static io.aio4j.Aio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.LoopTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PriorityQueue}: smallest first, in natural order or a comparator's, equal items first in,
 * first out; the waiting and cancellation rules are {@link Queue}'s (see QueueCancellationTest).
 * Ported from CPython's {@code test_queues.py} ({@code PriorityQueueTests}).
 */
class PriorityQueueTest extends LoopTest {

    record Job(int priority, String name) {}

    // PriorityQueueTests.test_order
    @Test
    void itemsComeOutSmallestFirst() {
        PriorityQueue<Integer> q = PriorityQueue.create();
        for (int i : new int[] {1, 3, 2}) {
            q.putNowait(i);
        }
        List<Integer> got = run(() -> List.of(q.get(), q.get(), q.get()));
        assertThat(got).containsExactly(1, 2, 3);
    }

    @Test
    void aComparatorSetsTheOrder() {
        PriorityQueue<String> q = PriorityQueue.create(Comparator.reverseOrder());
        q.putNowait("a");
        q.putNowait("c");
        q.putNowait("b");
        assertThat(q).hasToString("<PriorityQueue maxsize=0 items=[c, b, a] getters=0 putters=0 tasks=3>");
        assertThat(List.of(q.getNowait(), q.getNowait(), q.getNowait())).containsExactly("c", "b", "a");
    }

    @Test
    void itemsThatCompareEqualComeOutInTheOrderTheyWerePut() {
        PriorityQueue<Job> q = PriorityQueue.create(Comparator.comparingInt(Job::priority));
        String[] names = {"a", "b", "c", "d", "e", "f", "g", "h"};
        for (int i = 0; i < names.length; i++) {
            q.putNowait(new Job((i + 1) % 2, names[i]));
        }
        List<String> got = new ArrayList<>();
        while (!q.empty()) {
            got.add(q.getNowait().name());
        }
        assertThat(got).containsExactly("b", "d", "f", "h", "a", "c", "e", "g");
    }

    @Test
    void theHeapAgreesWithSortingOnRandomPutsAndGets() {
        Random random = new Random(42);
        PriorityQueue<Integer> q = PriorityQueue.create();
        java.util.PriorityQueue<Integer> reference = new java.util.PriorityQueue<>();
        for (int step = 0; step < 10_000; step++) {
            if (reference.isEmpty() || random.nextInt(3) > 0) {
                int item = random.nextInt(100);
                q.putNowait(item);
                reference.add(item);
            } else {
                assertThat(q.getNowait()).isEqualTo(reference.poll());
            }
            assertThat(q.size()).isEqualTo(reference.size());
        }
    }

    @Test
    void aThrowingComparatorLeavesTheQueueAsItWas() {
        boolean[] explode = {false};
        PriorityQueue<Integer> q = PriorityQueue.create((a, b) -> {
            if (explode[0]) {
                throw new IllegalArgumentException("boom");
            }
            return Integer.compare(a, b);
        });
        for (int i : new int[] {5, 3, 8, 1, 9, 2}) {
            q.putNowait(i);
        }
        explode[0] = true;
        assertThatThrownBy(() -> q.putNowait(4)).hasMessage("boom");
        assertThatThrownBy(q::getNowait).hasMessage("boom");
        explode[0] = false;
        assertThat(q.statistics().unfinishedTasks()).as("the failed put was not counted").isEqualTo(6);
        List<Integer> got = new ArrayList<>();
        while (!q.empty()) {
            got.add(q.getNowait());
        }
        assertThat(got).containsExactly(1, 2, 3, 5, 8, 9);
    }

    @Test
    void aWaitingGetterReceivesTheSmallestItemPresentWhenItResumes() {
        PriorityQueue<Integer> q = PriorityQueue.create(2);
        loop.createTask(() -> record("got " + q.get()));
        loop.runUntilIdle();
        q.putNowait(7);
        q.putNowait(3); // before the getter resumes
        loop.runUntilIdle();
        assertThat(events).containsExactly("got 3");
        assertThat(q.getNowait()).isEqualTo(7);
    }

    @Test
    void aBoundedPriorityQueueMakesPuttersWait() {
        PriorityQueue<Integer> q = PriorityQueue.create(1);
        run(() -> {
            q.put(2);
            io.aio4j.Aio.createTask(() -> {
                sleep(Duration.ofMillis(5));
                record("took " + q.get());
            });
            q.put(1);
            record("put 1 at " + nowMillis());
        });
        assertThat(events).containsExactly("took 2", "put 1 at 5");
    }
}
