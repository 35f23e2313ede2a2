package io.aio4j.queue;

import static io.aio4j.Aio.await;
import static io.aio4j.Aio.createTask;
import static io.aio4j.Aio.currentTask;
import static io.aio4j.Aio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.CancelledError;
import io.aio4j.LoopTest;
import io.aio4j.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * ASYNCIO-SEMANTICS §3.7 spec 50: no item is lost or duplicated when a waiting getter or putter is
 * cancelled, whatever the moment. Ported from CPython's {@code test_queues.py}, plus a randomized
 * story with many producers, consumers and cancellations.
 */
class QueueCancellationTest extends LoopTest {

    // ASYNCIO-SEMANTICS §3.7 spec 50 (test_get_cancel_drop_one_pending_reader)
    @Test
    void getterCancelledAfterAnItemWasPutForItLeavesTheItemInTheQueue() {
        Queue<Integer> q = Queue.create();
        int result = run(() -> {
            Task<Integer> reader = createTask(q::get);
            sleep(Duration.ZERO);
            q.putNowait(1);
            q.putNowait(2);
            reader.cancel();
            try {
                return await(reader);
            } catch (CancelledError e) {
                return await(createTask(q::get)); // try again
            }
        });
        assertThat(result).as("2 would mean 1 got dropped").isEqualTo(1);
        assertThat(q.getNowait()).isEqualTo(2);
    }

    // ASYNCIO-SEMANTICS §3.7 spec 50 (test_get_cancel_drop_many_pending_readers)
    @Test
    void whenOneOfSeveralWokenGettersIsCancelledTheOthersStillGetEveryItem() {
        Queue<Integer> q = Queue.create();
        run(() -> {
            Task<Integer> reader1 = createTask(q::get);
            Task<Integer> reader2 = createTask(q::get);
            Task<Integer> reader3 = createTask(q::get);
            sleep(Duration.ZERO);
            q.putNowait(1);
            q.putNowait(2);
            reader1.cancel();
            assertThatThrownBy(() -> await(reader1)).isInstanceOf(CancelledError.class);
            await(reader3);
            // It is undefined in which order concurrent readers receive results.
            assertThat(Set.of(await(reader2), await(reader3))).containsExactlyInAnyOrder(1, 2);
        });
        assertThat(q.empty()).isTrue();
    }

    // ASYNCIO-SEMANTICS §3.7 spec 50 (test_put_cancel_drop)
    @Test
    void putterCancelledJustAsRoomAppearedCanRetryWithoutLosingOrDuplicatingItsItem() {
        Queue<Integer> q = Queue.create(1);
        run(() -> {
            q.putNowait(1);
            // putting a second item in the queue has to wait (size 1)
            Task<Void> writer = createTask(() -> q.put(2));
            sleep(Duration.ZERO);
            assertThat(q.getNowait()).isEqualTo(1); // wakes the writer
            writer.cancel();
            try {
                await(writer);
            } catch (CancelledError e) {
                await(createTask(() -> q.put(2))); // try again
            }
            assertThat(q.getNowait()).isEqualTo(2);
            assertThat(q.size()).isZero();
        });
    }

    // test_get_cancelled_race
    @Test
    void cancelledWaitingGetterDoesNotSwallowTheNextItem() {
        Queue<String> q = Queue.create();
        run(() -> {
            Task<String> t1 = createTask(q::get);
            Task<String> t2 = createTask(q::get);
            sleep(Duration.ZERO);
            t1.cancel();
            sleep(Duration.ZERO);
            assertThat(t1.cancelled()).isTrue();
            assertThat(q.statistics().getters()).as("the cancelled getter left the line").isEqualTo(1);
            q.put("a");
            assertThat(await(t2)).isEqualTo("a");
        });
    }

    // test_put_cancelled_race
    @Test
    void cancelledWaitingPutterDoesNotTakeTheRoomOfTheNextOne() {
        Queue<String> q = Queue.create(1);
        run(() -> {
            Task<Void> putA = createTask(() -> q.put("a"));
            Task<Void> putB = createTask(() -> q.put("b"));
            Task<Void> putC = createTask(() -> q.put("X"));
            sleep(Duration.ZERO);
            assertThat(putA.done()).isTrue();
            assertThat(putB.done()).isFalse();
            putC.cancel();
            sleep(Duration.ZERO);
            assertThat(putC.cancelled()).isTrue();
            assertThat(q.getNowait()).isEqualTo("a");
            sleep(Duration.ZERO);
            assertThat(q.getNowait()).isEqualTo("b");
            await(putB);
            assertThat(q.empty()).as("X was never put").isTrue();
        });
    }

    // ASYNCIO-SEMANTICS §3.7 spec 50: a putter woken for room, then cancelled, passes the room on
    @Test
    void putterWokenForRoomAndThenCancelledPassesTheRoomToTheNextPutter() {
        Queue<String> q = Queue.create(1);
        q.putNowait("first");
        Task<Void> p1 = loop.createTask(() -> q.put("p1"));
        Task<Void> p2 = loop.createTask(() -> q.put("p2"));
        loop.runUntilIdle();
        assertThat(q.getNowait()).isEqualTo("first"); // wakes p1 only
        p1.cancel(); // before p1 resumes
        loop.runUntilIdle();
        assertThat(p1.cancelled()).isTrue();
        assertThat(p2.done()).as("p1's room went to p2").isTrue();
        assertThat(q.getNowait()).isEqualTo("p2");
        assertThat(q.empty()).isTrue();
    }

    @Test
    void cancelledJoinLeavesTheQueueAsItWas() {
        Queue<Integer> q = Queue.create();
        q.putNowait(1);
        Task<Void> joiner = loop.createTask(q::join);
        loop.runUntilIdle();
        joiner.cancel();
        loop.runUntilIdle();
        assertThat(joiner.cancelled()).isTrue();
        assertThat(q.statistics()).isEqualTo(new QueueStatistics(1, 0, 0, 0, 1, false));
        q.getNowait();
        q.taskDone();
        run(q::join);
    }

    // ASYNCIO-SEMANTICS §3.7 spec 50, at scale: every item whose put returned is got exactly once,
    // no item whose put was cancelled is ever got, whatever the moment each cancellation hits.
    @Test
    void randomCancellationsOfProducersAndConsumersNeitherLoseNorDuplicateItems() {
        for (long seed = 1; seed <= 20; seed++) {
            checkNoItemLostOrDuplicated(seed, Queue::create);
            checkNoItemLostOrDuplicated(seed, LifoQueue::create);
            checkNoItemLostOrDuplicated(seed, maxsize -> PriorityQueue.<Integer>create(maxsize));
        }
    }

    private void checkNoItemLostOrDuplicated(long seed, IntFunction<Queue<Integer>> factory) {
        Random random = new Random(seed);
        Queue<Integer> q = factory.apply(1 + random.nextInt(3));
        List<Integer> put = new ArrayList<>();
        Set<Integer> cancelledPuts = new HashSet<>();
        List<Integer> got = new ArrayList<>();
        run(() -> {
            List<Task<Void>> producers = new ArrayList<>();
            List<Task<Void>> workers = new ArrayList<>();
            for (int p = 0; p < 8; p++) {
                int base = p * 1000;
                Task<Void> producer = createTask(() -> {
                    for (int i = 0; i < 40; i++) {
                        boolean done = false;
                        try {
                            q.put(base + i);
                            done = true;
                        } catch (CancelledError e) {
                            currentTask().uncancel();
                        }
                        if (done) {
                            put.add(base + i);
                        } else {
                            cancelledPuts.add(base + i);
                        }
                        pause(random);
                    }
                });
                producers.add(producer);
                workers.add(producer);
            }
            for (int c = 0; c < 5; c++) {
                workers.add(createTask(() -> {
                    while (true) {
                        try {
                            got.add(q.get());
                        } catch (CancelledError e) {
                            currentTask().uncancel();
                        } catch (QueueShutDownException e) {
                            return;
                        }
                        pause(random);
                    }
                }));
            }
            sleep(Duration.ZERO); // every worker starts (a task cancelled before its first step never runs)
            while (producers.stream().anyMatch(t -> !t.done())) {
                Task<Void> victim = workers.get(random.nextInt(workers.size()));
                victim.cancel();
                pause(random);
            }
            q.shutdown();
            for (Task<Void> w : workers) {
                await(w);
            }
        });
        assertThat(got).as("seed %d, %s: nothing got twice", seed, q).doesNotHaveDuplicates();
        assertThat(got).as("seed %d: every item put was got", seed).containsExactlyInAnyOrderElementsOf(put);
        assertThat(cancelledPuts).as("seed %d: no cancelled put happened", seed).doesNotContainAnyElementsOf(got);
        assertThat(cancelledPuts).as("seed %d: the story did cancel puts", seed).isNotEmpty();
        assertThat(put.size() + cancelledPuts.size()).isEqualTo(8 * 40);
    }

    /** Yields once, or sleeps up to 2 ms, refusing a cancellation that arrives meanwhile. */
    private static void pause(Random random) {
        try {
            int ms = random.nextInt(3);
            sleep(ms == 0 ? Duration.ZERO : Duration.ofMillis(ms));
        } catch (CancelledError e) {
            currentTask().uncancel();
        }
    }
}
