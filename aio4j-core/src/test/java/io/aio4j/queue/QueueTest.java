package io.aio4j.queue;

import static io.aio4j.Aio.await;
import static io.aio4j.Aio.createTask;
import static io.aio4j.Aio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.LoopOptions;
import io.aio4j.LoopTest;
import io.aio4j.Task;
import io.aio4j.internal.task.VirtualTimeLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The FIFO {@link Queue}: bounded and unbounded, waiting getters and putters served in order,
 * {@code join}/{@code taskDone} (ASYNCIO-SEMANTICS §3.7 spec 49), its repr, statistics and loop
 * binding. Ported from CPython's {@code test_queues.py} where a test there says the same thing.
 */
class QueueTest extends LoopTest {

    @Test
    void newQueueIsEmptyUnboundedAndNeverFull() {
        Queue<Integer> q = Queue.create();
        assertThat(q.empty()).isTrue();
        assertThat(q.full()).isFalse();
        assertThat(q.maxsize()).isZero();
        for (int i = 0; i < 1000; i++) {
            q.putNowait(i);
        }
        assertThat(q.full()).isFalse();
        assertThat(q.size()).isEqualTo(1000);
        assertThat(Queue.<Integer>create(-1).full()).as("maxsize <= 0 means unbounded").isFalse();
    }

    @Test
    void itemsComeOutInTheOrderTheyWentIn() {
        Queue<Integer> q = Queue.create();
        List<Integer> got = new ArrayList<>();
        run(() -> {
            for (int i : new int[] {3, 1, 2}) {
                q.put(i);
            }
            got.add(q.get());
            got.add(q.getNowait());
            got.add(q.get());
        });
        assertThat(got).containsExactly(3, 1, 2);
        assertThat(q.empty()).isTrue();
    }

    // test_maxsize, test_nonblocking_put_exception, test_nonblocking_get_exception
    @Test
    void boundedQueueIsFullAtItsMaxsizeAndTheNonWaitingCallsSaySo() {
        Queue<Integer> q = Queue.create(2);
        q.putNowait(1);
        assertThat(q.full()).isFalse();
        q.putNowait(2);
        assertThat(q.full()).isTrue();
        assertThatThrownBy(() -> q.putNowait(3)).isInstanceOf(QueueFullException.class).hasMessageContaining("maxsize=2");
        assertThat(q.getNowait()).isEqualTo(1);
        assertThat(q.getNowait()).isEqualTo(2);
        assertThatThrownBy(q::getNowait).isInstanceOf(QueueEmptyException.class);
    }

    // test_blocking_get_wait
    @Test
    void getSuspendsUntilAnItemIsPut() {
        Queue<String> q = Queue.create();
        String got = run(() -> {
            createTask(() -> {
                sleep(Duration.ofMillis(10));
                record("put at " + nowMillis());
                q.putNowait("x");
            });
            String item = q.get();
            record("got at " + nowMillis());
            return item;
        });
        assertThat(got).isEqualTo("x");
        assertThat(events).containsExactly("put at 10", "got at 10");
    }

    // test_blocking_put_wait
    @Test
    void putSuspendsWhileABoundedQueueIsFull() {
        Queue<Integer> q = Queue.create(1);
        run(() -> {
            q.put(1);
            createTask(() -> {
                sleep(Duration.ofMillis(10));
                record("took " + q.get() + " at " + nowMillis());
            });
            q.put(2);
            record("put 2 at " + nowMillis());
        });
        assertThat(events).containsExactly("took 1 at 10", "put 2 at 10");
        assertThat(q.getNowait()).isEqualTo(2);
    }

    // test_why_are_getters_waiting (the getters' side of fairness)
    @Test
    void waitingGettersAreServedInTheOrderTheyStartedWaiting() {
        Queue<Integer> q = Queue.create();
        List<Task<Void>> getters = new ArrayList<>();
        for (String name : List.of("g1", "g2", "g3")) {
            getters.add(loop.createTask(() -> record(name + " got " + q.get())));
        }
        loop.runUntilIdle();
        assertThat(q.statistics().getters()).isEqualTo(3);
        q.putNowait(1);
        q.putNowait(2);
        q.putNowait(3);
        loop.runUntilIdle();
        assertThat(events).containsExactly("g1 got 1", "g2 got 2", "g3 got 3");
        assertThat(getters).allMatch(Task::done);
    }

    // test_why_are_putters_waiting (the putters' side of fairness)
    @Test
    void waitingPuttersPutInTheOrderTheyStartedWaiting() {
        Queue<String> q = Queue.create(1);
        q.putNowait("first");
        for (String item : List.of("a", "b", "c")) {
            loop.createTask(() -> {
                q.put(item);
                record("put " + item);
            });
        }
        loop.runUntilIdle();
        assertThat(q.statistics().putters()).isEqualTo(3);
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            got.add(q.getNowait()); // each take lets the next putter in
            loop.runUntilIdle();
        }
        assertThat(got).containsExactly("first", "a", "b", "c");
        assertThat(events).containsExactly("put a", "put b", "put c");
    }

    // test_nonblocking_get with waiting putters: taking an item wakes one putter
    @Test
    void getNowaitFromAFullQueueLetsOneWaitingPutterIn() {
        Queue<Integer> q = Queue.create(1);
        q.putNowait(1);
        loop.createTask(() -> q.put(2));
        loop.createTask(() -> q.put(3));
        loop.runUntilIdle();
        assertThat(q.getNowait()).isEqualTo(1);
        loop.runUntilIdle();
        assertThat(q.statistics()).isEqualTo(new QueueStatistics(1, 1, 0, 1, 2, false));
        assertThat(q.getNowait()).isEqualTo(2);
        loop.runUntilIdle();
        assertThat(q.getNowait()).isEqualTo(3);
    }

    @Test
    void nullItemsAreRefused() {
        Queue<String> q = Queue.create();
        assertThatThrownBy(() -> q.putNowait(null)).isInstanceOf(NullPointerException.class);
        run(() -> assertThatThrownBy(() -> q.put(null)).isInstanceOf(NullPointerException.class));
        assertThat(q.empty()).isTrue();
    }

    // ASYNCIO-SEMANTICS §3.7 spec 49 (test_task_done)
    @Test
    void joinReturnsOnceEveryItemPutHadItsTaskDone() {
        Queue<Integer> q = Queue.create();
        for (int i = 0; i < 100; i++) {
            q.putNowait(i);
        }
        int[] sum = {0};
        run(() -> {
            // Two workers, as in CPython: join() must wait for both to call taskDone() 100 times.
            List<Task<Void>> workers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                workers.add(createTask(() -> {
                    while (true) {
                        int item = q.get();
                        sleep(Duration.ofMillis(1));
                        sum[0] += item;
                        q.taskDone();
                    }
                }));
            }
            q.join();
            record("joined at " + nowMillis() + " with sum " + sum[0]);
            for (Task<Void> w : workers) {
                w.cancel();
                sleep(Duration.ZERO);
                assertThat(w.cancelled()).isTrue();
            }
        });
        assertThat(events).containsExactly("joined at 50 with sum 4950");
        assertThat(q.statistics().unfinishedTasks()).isZero();
    }

    // ASYNCIO-SEMANTICS §3.7 spec 49 (test_join_empty_queue)
    @Test
    void joinReturnsAtOnceOnAQueueWithNothingUnfinished() {
        Queue<Integer> q = Queue.create();
        run(() -> {
            q.join();
            q.join(); // twice, as in CPython
            q.putNowait(1);
            q.getNowait();
            q.taskDone();
            q.join();
            record("joined at " + nowMillis());
        });
        assertThat(events).containsExactly("joined at 0");
    }

    // ASYNCIO-SEMANTICS §3.7 spec 49 (test_task_done_underflow)
    @Test
    void taskDoneMoreTimesThanItemsWerePutThrows() {
        Queue<Integer> q = Queue.create();
        assertThatThrownBy(q::taskDone).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("taskDone() called more times than items were put");
        q.putNowait(1);
        q.taskDone();
        assertThatThrownBy(q::taskDone).isInstanceOf(IllegalStateException.class);
        assertThat(q.statistics().unfinishedTasks()).as("the count is left unchanged").isZero();
    }

    // ASYNCIO-SEMANTICS §3.7 spec 49: every joiner wakes, and a later put does not put it back to sleep
    @Test
    void everyWaitingJoinerWakesWhenTheLastTaskIsDoneEvenIfAnItemIsPutRightAfter() {
        Queue<Integer> q = Queue.create();
        q.putNowait(1);
        loop.createTask(() -> {
            q.join();
            record("j1");
        });
        loop.createTask(() -> {
            q.join();
            record("j2");
        });
        loop.runUntilIdle();
        assertThat(events).isEmpty();
        q.getNowait();
        q.taskDone();
        q.putNowait(2); // before the joiners resume
        loop.runUntilIdle();
        assertThat(events).containsExactly("j1", "j2");
    }

    // The brief's repr: <Queue maxsize=2 items=[1, 2] getters=0 putters=1 tasks=2>
    @Test
    void toStringShowsTheStateLikeAsynciosRepr() {
        Queue<Integer> q = Queue.create(2);
        assertThat(q).hasToString("<Queue maxsize=2 items=[] getters=0 putters=0 tasks=0>");
        q.putNowait(1);
        q.putNowait(2);
        loop.createTask(() -> q.put(3));
        loop.runUntilIdle();
        assertThat(q).hasToString("<Queue maxsize=2 items=[1, 2] getters=0 putters=1 tasks=2>");
        assertThat(q.statistics()).isEqualTo(new QueueStatistics(2, 2, 0, 1, 2, false));
        q.shutdown(true);
        loop.runUntilIdle();
        assertThat(q).hasToString("<Queue maxsize=2 items=[] getters=0 putters=0 tasks=0 shutdown>");
    }

    @Test
    void toStringAbbreviatesALongQueue() {
        Queue<Integer> q = Queue.create();
        for (int i = 0; i < 25; i++) {
            q.putNowait(i);
        }
        assertThat(q.toString()).contains("18, 19, ... (5 more)] getters=0");
    }

    @Test
    void getOutsideATaskSaysWhatToDoInstead() {
        Queue<Integer> q = Queue.create();
        loop.callSoon(() -> {
            try {
                q.get();
            } catch (IllegalStateException e) {
                record(e.getMessage());
            }
        });
        loop.runUntilIdle();
        assertThat(events).singleElement().asString().contains("Queue.get() has to wait").contains("getNowait()");
        assertThat(q.statistics().getters()).as("the failed get left no waiter behind").isZero();
    }

    @Test
    void nonWaitingCallsWorkFromCallbacksAndBeforeAnyLoopRuns() {
        Queue<Integer> q = Queue.create();
        q.putNowait(1); // plain thread, no loop: preparing the queue
        loop.callSoon(() -> q.putNowait(q.getNowait() + 1));
        loop.runUntilIdle();
        assertThat(run(q::get)).isEqualTo(2);
    }

    @Test
    void aQueueUsedFromASecondLoopThrowsNamingBothLoops() {
        Queue<Integer> q = Queue.create();
        run(() -> q.putNowait(1)); // binds q to this test's loop
        VirtualTimeLoop other = new VirtualTimeLoop(LoopOptions.defaults().withName("other-loop"), true);
        try {
            Throwable thrown = other.runTask(() -> {
                try {
                    q.get();
                    return null;
                } catch (IllegalStateException e) {
                    return e;
                }
            });
            assertThat(thrown).hasMessageContaining("'QueueTest'").hasMessageContaining("'other-loop'");
        } finally {
            other.close();
        }
        assertThat(q.size()).as("the refused call changed nothing").isEqualTo(1);
    }

    @Test
    void anotherThreadCannotUseTheQueueWhileItsLoopRuns() {
        Queue<Integer> q = Queue.create();
        Object outcome = run(() -> {
            q.putNowait(1);
            CompletableFuture<Object> other = CompletableFuture.supplyAsync(() -> {
                try {
                    return q.getNowait();
                } catch (IllegalStateException e) {
                    return e.getMessage();
                }
            });
            return await(io.aio4j.Aio.wrapFuture(other));
        });
        assertThat(outcome).asString().contains("which is running").contains("callSoonThreadsafe");
        assertThat(q.size()).isEqualTo(1);
    }
}
