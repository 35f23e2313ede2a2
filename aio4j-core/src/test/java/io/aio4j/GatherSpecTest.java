package io.aio4j;

import static io.aio4j.Aio.await;
import static io.aio4j.Aio.createTask;
import static io.aio4j.Aio.gather;
import static io.aio4j.Aio.gatherFuture;
import static io.aio4j.Aio.gatherReturnExceptions;
import static io.aio4j.Aio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * ASYNCIO-SEMANTICS §3.3, gather: one or more tests per spec, translated from CPython's
 * {@code test_tasks.py} ({@code GatherTestsBase}, {@code CoroutineGatherTests}).
 */
class GatherSpecTest extends LoopTest {

    /** A task that sleeps {@code millis} then returns {@code value}. */
    private static <T> Task<T> after(long millis, T value) {
        return createTask(() -> {
            sleep(Duration.ofMillis(millis));
            return value;
        });
    }

    /** A task that sleeps {@code millis} then throws {@code e}. */
    private static Task<Integer> failingAfter(long millis, RuntimeException e) {
        return createTask(() -> {
            sleep(Duration.ofMillis(millis));
            if (e != null) {
                throw e;
            }
            return 0;
        });
    }

    // ASYNCIO-SEMANTICS §3.3 spec 12 (GatherTestsBase::test_result)
    @Test
    void resultsComeBackInArgumentOrderNotCompletionOrder() {
        List<String> r = run(() -> gather(after(30, "a"), after(10, "b"), after(20, "c")));
        assertThat(r).containsExactly("a", "b", "c");
        assertThat(nowMillis()).as("done when the slowest child is").isEqualTo(30);
    }

    // ASYNCIO-SEMANTICS §3.3 spec 12 (GatherTestsBase::test_return_exceptions)
    @Test
    void withReturnExceptionsFailuresArePlacedInTheListAndTheGatherWaitsForAll() {
        RuntimeException exc = new IllegalStateException("exc");
        RuntimeException exc2 = new ArithmeticException("exc2");
        List<Object> r = run(() -> {
            Future<Integer> a = loop.createFuture();
            Future<Integer> b = loop.createFuture();
            Future<Integer> c = loop.createFuture();
            Future<Integer> d = loop.createFuture();
            Task<List<Object>> fut = createTask(() -> gatherReturnExceptions(List.of(a, b, c, d)));
            sleep(Duration.ZERO);
            c.setException(exc);
            sleep(Duration.ZERO);
            assertThat(fut.done()).as("one failure does not end a returnExceptions gather").isFalse();
            d.setException(exc2);
            b.setResult(1);
            sleep(Duration.ZERO);
            assertThat(fut.done()).isFalse();
            a.setResult(3);
            return await(fut);
        });
        assertThat(r).containsExactly(3, 1, exc, exc2);
    }

    // ASYNCIO-SEMANTICS §3.3 spec 12: an empty gather is done at once with an empty list
    @Test
    void emptyGatherIsDoneAtOnce() {
        run(() -> {
            Future<List<Object>> g = gatherFuture(List.of());
            assertThat(g.done()).isTrue();
            assertThat(g.result()).isEmpty();
        });
    }

    // ASYNCIO-SEMANTICS §3.3 spec 13 (GatherTestsBase::test_one_exception)
    @Test
    void firstExceptionFailsTheGatherAtOnceAndTheOtherChildrenRunOn() {
        RuntimeException boom = new IllegalStateException("boom");
        RuntimeException later = new IllegalArgumentException("later, ignored");
        run(() -> {
            Task<String> slow = after(100, "slow");
            Task<Integer> first = failingAfter(10, boom);
            Task<Integer> second = failingAfter(50, later);
            List<Task<?>> all = List.of(slow, first, second);
            assertThatThrownBy(() -> gather(all)).isSameAs(boom);
            assertThat(nowMillis()).as("failed as soon as the first child did").isEqualTo(10);
            assertThat(slow.cancelled()).isFalse();
            assertThat(second.cancelled()).isFalse();

            sleep(Duration.ofMillis(200));
            assertThat(slow.result()).as("the sibling finished normally").isEqualTo("slow");
            assertThat(second.done()).isTrue();
        });
        loop.close();
        assertThat(reports).as("the later failure was retrieved by the gather, so ignored").isEmpty();
    }

    // ASYNCIO-SEMANTICS §3.3 spec 14 (GatherTestsBase::test_one_cancellation)
    @Test
    void cancelledChildMakesTheGatherFailWithACancelledErrorWithoutBeingCancelled() {
        run(() -> {
            Future<Integer> a = loop.createFuture();
            Future<Integer> b = loop.createFuture();
            Future<Integer> c = loop.createFuture();
            Future<List<Integer>> fut = gatherFuture(List.of(a, b, c));
            a.setResult(1);
            b.cancel();
            sleep(Duration.ZERO);
            assertThat(fut.done()).isTrue();
            assertThat(fut.cancelled()).isFalse();
            assertThat(fut.exception()).isInstanceOf(CancelledError.class);
            assertThatThrownBy(() -> await(fut)).isInstanceOf(CancelledError.class);
            assertThat(c.cancelled()).as("the other children are not cancelled").isFalse();
            c.setResult(3); // ignored
        });
    }

    // ASYNCIO-SEMANTICS §3.3 spec 15 (GatherTestsBase::test_result_exception_one_cancellation)
    @Test
    void withReturnExceptionsACancelledChildContributesACancelledError() {
        ArithmeticException zde = new ArithmeticException("/ by zero");
        IllegalStateException rte = new IllegalStateException("rte");
        List<Object> r = run(() -> {
            List<Future<Integer>> fs = List.of(loop.createFuture(), loop.createFuture(), loop.createFuture(),
                    loop.createFuture(), loop.createFuture(), loop.createFuture());
            Task<List<Object>> t = createTask(() -> gatherReturnExceptions(fs));
            sleep(Duration.ZERO);
            fs.get(0).setResult(1);
            fs.get(1).setException(zde);
            fs.get(2).cancel();
            sleep(Duration.ZERO);
            assertThat(t.done()).isFalse();
            fs.get(3).setResult(3);
            fs.get(4).cancel();
            fs.get(5).setException(rte);
            return await(t);
        });
        assertThat(r).hasSize(6);
        assertThat(r.get(0)).isEqualTo(1);
        assertThat(r.get(1)).isSameAs(zde);
        assertThat(r.get(2)).isInstanceOf(CancelledError.class);
        assertThat(r.get(3)).isEqualTo(3);
        assertThat(r.get(4)).isInstanceOf(CancelledError.class);
        assertThat(r.get(5)).isSameAs(rte);
    }

    // ASYNCIO-SEMANTICS §3.3 spec 16 (CoroutineGatherTests::test_cancellation_broadcast)
    @Test
    void cancellingTheTaskThatAwaitsAGatherCancelsEveryChild() {
        Future<Void> waiter = loop.createFuture();
        AtomicInteger proof = new AtomicInteger();
        AsyncRunnable inner = () -> {
            await(waiter);
            proof.incrementAndGet();
        };
        Task<Void> child1 = loop.createTask(inner);
        Task<Void> child2 = loop.createTask(inner);
        @SuppressWarnings("unchecked")
        Future<List<Void>>[] gatherer = new Future[1];
        Task<Void> f = loop.createTask(() -> {
            gatherer[0] = gatherFuture(List.of(child1, child2));
            await(gatherer[0]);
            proof.addAndGet(100);
        });
        loop.runUntilIdle();
        assertThat(f.cancel()).isTrue();

        assertThatThrownBy(() -> loop.runUntilComplete(f)).isInstanceOf(CancelledError.class);

        assertThat(gatherer[0].cancel()).isFalse();
        assertThat(waiter.cancelled()).isTrue();
        assertThat(child1.cancelled()).isTrue();
        assertThat(child2.cancelled()).isTrue();
        loop.runUntilIdle();
        assertThat(proof.get()).isZero();
    }

    // ASYNCIO-SEMANTICS §3.3 spec 16: cancelling the gather future itself does the same, and it
    // then ends cancelled once every child is
    @Test
    void cancellingTheGatherFutureCancelsEveryChildAndEndsCancelled() {
        run(() -> {
            Task<String> a = after(100, "a");
            Task<String> b = after(200, "b");
            Future<List<String>> g = gatherFuture(List.of(a, b));
            sleep(Duration.ZERO);
            assertThat(g.cancel("stop")).isTrue();
            assertThatThrownBy(() -> await(g)).isInstanceOf(CancelledError.class).hasMessage("stop");
            assertThat(g.cancelled()).isTrue();
            assertThat(a.cancelled()).isTrue();
            assertThat(b.cancelled()).isTrue();
            assertThat(nowMillis()).isZero();
        });
    }

    // ASYNCIO-SEMANTICS §3.3 spec 17 (test_cancel_gather_1, Python issue #26923)
    @Test
    void gatherWhoseChildrenAreAllDoneRefusesCancellation() {
        Future<Integer> fut = loop.createFuture();
        Future<List<Integer>> gatherTask = run(() -> {
            // the indirection fut -> child task is needed, else the gather is done with fut
            Task<Integer> child = createTask(() -> await(fut));
            return gatherFuture(List.of(child));
        });
        Boolean[] cancelResult = {null};
        fut.addDoneCallback(f -> cancelResult[0] = gatherTask.cancel());
        fut.setResult(42); // runs the cancelling callback after the child is done

        assertThat(loop.runUntilComplete(gatherTask)).containsExactly(42);
        assertThat(cancelResult[0]).isFalse();
        assertThat(gatherTask.cancelled()).isFalse();
        assertThat(gatherTask.result()).containsExactly(42);
    }

    // ASYNCIO-SEMANTICS §3.3 spec 18 (test_duplicate_coroutines)
    @Test
    void theSameTaskGivenSeveralTimesRunsOnceAndItsResultIsRepeated() {
        AtomicInteger runs = new AtomicInteger();
        List<String> r = run(() -> {
            Task<String> c = createTask(() -> {
                runs.incrementAndGet();
                sleep(Duration.ofMillis(10));
                return "abc";
            });
            Task<String> d = after(5, "def");
            return gather(c, c, d, c);
        });
        assertThat(r).containsExactly("abc", "abc", "def", "abc");
        assertThat(runs.get()).isEqualTo(1);
    }

    // A task in two gatherings at once, and again in a later one, counts once per place in each
    @Test
    void aTaskSharedByGatheringsCountsInEachOfThem() {
        List<List<String>> r = run(() -> {
            Task<String> c = after(10, "c");
            Task<String> d = after(5, "d");
            Task<List<String>> first = createTask(() -> gather(c, d));
            Task<List<String>> second = createTask(() -> gather(d, c, d));
            List<String> third = gather(c, c);
            return List.of(await(first), await(second), third, gather(d, c));
        });
        assertThat(r).containsExactly(List.of("c", "d"), List.of("d", "c", "d"), List.of("c", "c"), List.of("d", "c"));
    }

    // ASYNCIO-SEMANTICS §3.3 spec 18: a future given twice that fails is retrieved once, and a
    // duplicate with returnExceptions places the same exception twice
    @Test
    void theSameFailingFutureGivenTwicePlacesItsExceptionTwice() {
        IllegalStateException boom = new IllegalStateException("boom");
        List<Object> r = run(() -> {
            Task<Integer> c = failingAfter(10, boom);
            return gatherReturnExceptions(List.of(c, c));
        });
        assertThat(r).containsExactly(boom, boom);
    }

    // ASYNCIO-SEMANTICS §3.3 spec 19 (test_cancel_gather_2, with a message)
    @Test
    void cancelMessageOfATaskLoopingOverGatherReachesItsAwaiter() {
        assertThat(cancelLoopingGatherTask("my message", true)).hasMessage("my message");
        assertThat(cancelLoopingGatherTask("my message", false)).hasMessage("my message");
    }

    // ASYNCIO-SEMANTICS §3.3 spec 19 (test_cancel_gather_2, without a message)
    @Test
    void cancelWithoutMessageOfATaskLoopingOverGatherGivesACancelledErrorWithoutMessage() {
        assertThat(cancelLoopingGatherTask(null, true).getMessage()).isNull();
        assertThat(cancelLoopingGatherTask(null, false).getMessage()).isNull();
    }

    /** Runs CPython's test_cancel_gather_2 and returns what the awaiter of the cancelled task got. */
    private CancelledError cancelLoopingGatherTask(String message, boolean returnExceptions) {
        CancelledError[] got = {null};
        run(() -> {
            Task<Void> qwe = createTask(() -> {
                for (int time = 0; time <= 1000; time += 50) {
                    Task<Void> s = createTask(() -> sleep(Duration.ofMillis(50)));
                    if (returnExceptions) {
                        gatherReturnExceptions(List.of(s));
                    } else {
                        gather(s);
                    }
                }
            });
            sleep(Duration.ofMillis(200));
            qwe.cancel(message);
            try {
                await(qwe);
            } catch (CancelledError e) {
                got[0] = e;
            }
            assertThat(qwe.cancelled()).isTrue();
        });
        assertThat(got[0]).as("awaiting the cancelled task raised").isNotNull();
        return got[0];
    }
}
