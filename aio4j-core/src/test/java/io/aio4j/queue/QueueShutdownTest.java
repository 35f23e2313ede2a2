package io.aio4j.queue;

import static io.aio4j.Aio.await;
import static io.aio4j.Aio.createTask;
import static io.aio4j.Aio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.LoopTest;
import io.aio4j.Task;
import java.time.Duration;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * asyncio 3.13's {@code Queue.shutdown()}: puts raise, gets drain and then raise, an immediate
 * shutdown drops the items and lets {@code join()} return. Ported from CPython 3.13's
 * {@code test_queues.py} ({@code _QueueShutdownTestMixin}), for each kind of queue.
 */
class QueueShutdownTest extends LoopTest {

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("Queue", (IntFunction<Queue<String>>) Queue::create),
                Arguments.of("LifoQueue", (IntFunction<Queue<String>>) LifoQueue::create),
                Arguments.of("PriorityQueue", (IntFunction<Queue<String>>) maxsize -> PriorityQueue.<String>create(maxsize)));
    }

    /** After a shutdown, every way in and out raises, without waiting. */
    private static void assertEveryCallRaisesShutDown(Queue<String> q) {
        assertThatThrownBy(() -> q.put("data")).isInstanceOf(QueueShutDownException.class).hasMessageContaining("shutdown");
        assertThatThrownBy(() -> q.putNowait("data")).isInstanceOf(QueueShutDownException.class);
        assertThatThrownBy(q::get).isInstanceOf(QueueShutDownException.class);
        assertThatThrownBy(q::getNowait).isInstanceOf(QueueShutDownException.class);
    }

    // test_shutdown_empty
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void shuttingDownAnEmptyQueueWakesItsGettersWithQueueShutDown(String kind, IntFunction<Queue<String>> create) {
        Queue<String> q = create.apply(0);
        run(() -> {
            Task<String> getter = createTask(q::get);
            sleep(Duration.ZERO); // the getter waits before the shutdown
            q.shutdown();
            assertThat(q.size()).isZero();
            q.join();
            sleep(Duration.ZERO);
            assertThat(getter.done()).isTrue();
            assertThatThrownBy(() -> await(getter)).isInstanceOf(QueueShutDownException.class);
            assertEveryCallRaisesShutDown(q);
        });
    }

    // test_shutdown_nonempty
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void gettersDrainAShutDownQueueWhileItsPuttersAreWokenWithQueueShutDown(String kind, IntFunction<Queue<String>> create) {
        Queue<String> q = create.apply(1);
        run(() -> {
            q.putNowait("data");
            Task<Void> joiner = createTask(q::join);
            Task<Void> putter = createTask(() -> q.put("data2"));
            sleep(Duration.ZERO);
            assertThat(putter.done()).isFalse();

            q.shutdown(false); // unfinished tasks: 1 -> 1
            assertThat(q.size()).isEqualTo(1);
            sleep(Duration.ZERO);
            assertThat(putter.done()).isTrue();
            assertThatThrownBy(() -> await(putter)).isInstanceOf(QueueShutDownException.class);

            assertThat(q.get()).as("get() still drains the item left").isEqualTo("data");
            sleep(Duration.ZERO);
            assertThat(joiner.done()).isFalse();
            assertEveryCallRaisesShutDown(q);

            q.taskDone(); // the one unfinished item
            sleep(Duration.ZERO);
            assertThat(joiner.done()).isTrue();
            await(joiner);
            assertThatThrownBy(q::taskDone).isInstanceOf(IllegalStateException.class);
        });
    }

    // test_shutdown_immediate
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void immediateShutdownDropsTheItemsAndLetsJoinReturn(String kind, IntFunction<Queue<String>> create) {
        Queue<String> q = create.apply(0);
        run(() -> {
            q.putNowait("data");
            Task<Void> joiner = createTask(q::join);
            sleep(Duration.ZERO);
            q.shutdown(true); // unfinished tasks: 1 -> 0
            assertThat(q.size()).isZero();
            sleep(Duration.ZERO);
            assertThat(joiner.done()).isTrue();
            await(joiner);
            assertEveryCallRaisesShutDown(q);
            assertThatThrownBy(q::taskDone).as("no unfinished items left").isInstanceOf(IllegalStateException.class);
        });
    }

    // test_shutdown_immediate_with_unfinished
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void immediateShutdownCountsOnlyTheDroppedItemsAsDone(String kind, IntFunction<Queue<String>> create) {
        Queue<String> q = create.apply(0);
        run(() -> {
            q.putNowait("data");
            q.putNowait("data");
            Task<Void> joiner = createTask(q::join);
            assertThat(q.get()).isEqualTo("data");
            q.shutdown(true); // unfinished tasks: 2 -> 1
            assertThat(q.size()).isZero();
            sleep(Duration.ZERO);
            assertThat(joiner.done()).as("the item taken still needs its taskDone()").isFalse();
            assertEveryCallRaisesShutDown(q);

            q.taskDone();
            assertThatThrownBy(q::taskDone).isInstanceOf(IllegalStateException.class);
            sleep(Duration.ZERO);
            assertThat(joiner.done()).isTrue();
            await(joiner);
        });
    }

    // The ideas of test_shutdown_[non]immediate_all_methods_in_many_tasks: every kind of waiter wakes.
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void immediateShutdownWakesEveryWaitingGetterPutterAndJoiner(String kind, IntFunction<Queue<String>> create) {
        Queue<String> full = create.apply(2);
        Queue<String> empty = create.apply(0);
        full.putNowait("a");
        full.putNowait("b");
        Task<Void> putter1 = loop.createTask(() -> full.put("c"));
        Task<Void> putter2 = loop.createTask(() -> full.put("d"));
        Task<Void> joiner = loop.createTask(full::join);
        Task<String> getter1 = loop.createTask(empty::get);
        Task<String> getter2 = loop.createTask(empty::get);
        loop.runUntilIdle();
        assertThat(full.statistics()).isEqualTo(new QueueStatistics(2, 2, 0, 2, 2, false));
        assertThat(empty.statistics().getters()).isEqualTo(2);

        full.shutdown(true);
        empty.shutdown(true);
        loop.runUntilIdle();

        for (Task<?> t : new Task<?>[] {putter1, putter2, getter1, getter2}) {
            assertThat(t.exception()).as("%s", t).isInstanceOf(QueueShutDownException.class);
        }
        assertThat(joiner.exception()).isNull();
        assertThat(full.statistics()).isEqualTo(new QueueStatistics(0, 2, 0, 0, 0, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aSecondShutdownCanStillMakeItImmediate(String kind, IntFunction<Queue<String>> create) {
        Queue<String> q = create.apply(0);
        q.putNowait("x");
        q.shutdown();
        q.shutdown(); // idempotent
        assertThat(q.size()).isEqualTo(1);
        q.shutdown(true);
        assertThat(q.statistics()).isEqualTo(new QueueStatistics(0, 0, 0, 0, 0, true));
        assertThat(q.toString()).endsWith("tasks=0 shutdown>");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aGetterWokenByShutdownButCancelledBeforeItRanEndsCancelled(String kind, IntFunction<Queue<String>> create) {
        Queue<String> q = create.apply(0);
        Task<String> getter = loop.createTask(q::get);
        loop.runUntilIdle();
        q.shutdown();
        getter.cancel();
        loop.runUntilIdle();
        assertThat(getter.cancelled()).isTrue();
    }
}
