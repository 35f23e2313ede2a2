package io.aio4j;

import static io.aio4j.Aio.await;
import static io.aio4j.Aio.createTask;
import static io.aio4j.Aio.sleep;
import static io.aio4j.Aio.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * ASYNCIO-SEMANTICS §3.4, wait and wait_for: one or more tests per spec, translated from
 * CPython's {@code test_tasks.py} and {@code test_waitfor.py} (3.11's wait_for).
 */
class WaitSpecTest extends LoopTest {

    private static Task<String> after(long millis, String value) {
        return createTask(() -> {
            sleep(Duration.ofMillis(millis));
            return value;
        });
    }

    private static Task<String> failingAfter(long millis, RuntimeException e) {
        return createTask(() -> {
            sleep(Duration.ofMillis(millis));
            if (e != null) {
                throw e;
            }
            return "";
        });
    }

    /** A checked exception, to see how it crosses the task boundary. */
    static final class FooException extends Exception {
        private static final long serialVersionUID = 1L;
    }

    // ================================================================== wait

    // ASYNCIO-SEMANTICS §3.4 spec 20 (test_wait_first_completed)
    @Test
    void waitFirstCompletedReturnsTheFirstDoneAndLeavesTheOtherPendingAndRunning() {
        run(() -> {
            Task<String> a = after(10_000, "a");
            Task<String> b = after(100, "b");
            WaitResult<String> r = Aio.wait(List.of(b, a), ReturnWhen.FIRST_COMPLETED);
            assertThat(r.done()).containsExactly(b);
            assertThat(r.pending()).containsExactly(a);
            assertThat(nowMillis()).isEqualTo(100);
            assertThat(a.done()).isFalse();
            assertThat(a.cancelled()).isFalse();
            assertThat(await(a)).isEqualTo("a");
        });
    }

    // ASYNCIO-SEMANTICS §3.4 spec 20 (test_wait_first_exception)
    @Test
    void waitFirstExceptionReturnsAsSoonAsOneTaskRaisesWithoutRaisingIt() {
        IllegalStateException boom = new IllegalStateException("boom");
        run(() -> {
            Task<String> a = after(10_000, "a");
            Task<String> ok = after(10, "ok");
            Task<String> b = failingAfter(50, boom);
            WaitResult<String> r = Aio.wait(List.of(b, a, ok), ReturnWhen.FIRST_EXCEPTION);
            assertThat(nowMillis()).as("a result does not end FIRST_EXCEPTION, the exception does").isEqualTo(50);
            assertThat(r.done()).containsExactlyInAnyOrder(b, ok);
            assertThat(r.pending()).containsExactly(a);
            assertThat(b.exception()).isSameAs(boom);
            assertThat(a.cancelled()).isFalse();
            a.cancel();
        });
    }

    // ASYNCIO-SEMANTICS §3.4 spec 20: FIRST_EXCEPTION with none failing waits for all
    @Test
    void waitFirstExceptionWithoutFailuresWaitsForAll() {
        run(() -> {
            Task<String> a = after(30, "a");
            Task<String> b = after(10, "b");
            WaitResult<String> r = Aio.wait(List.of(a, b), ReturnWhen.FIRST_EXCEPTION);
            assertThat(nowMillis()).isEqualTo(30);
            assertThat(r.done()).containsExactlyInAnyOrder(a, b);
            assertThat(r.pending()).isEmpty();
        });
    }

    // ASYNCIO-SEMANTICS §3.4 spec 20 (test_wait_really_done)
    @Test
    void tasksFinishingInTheSameIterationAreBothDone() {
        run(() -> {
            Task<Void> a = createTask(() -> sleep(Duration.ZERO));
            Task<Void> b = createTask(() -> {
                sleep(Duration.ZERO);
                sleep(Duration.ZERO);
            });
            WaitResult<Void> r = Aio.wait(List.of(b, a), ReturnWhen.FIRST_COMPLETED);
            assertThat(r.done()).containsExactlyInAnyOrder(a, b);
            assertThat(r.pending()).isEmpty();
        });
    }

    // ASYNCIO-SEMANTICS §3.4 spec 20: ALL_COMPLETED, and a timeout returns with futures pending
    @Test
    void waitAllCompletedWaitsForAllAndATimeoutLeavesSomePendingWithoutRaising() {
        run(() -> {
            Task<String> a = after(100, "a");
            Task<String> b = after(300, "b");
            WaitResult<String> r = Aio.wait(List.of(a, b), ReturnWhen.ALL_COMPLETED, Duration.ofMillis(200));
            assertThat(nowMillis()).isEqualTo(200);
            assertThat(r.done()).containsExactly(a);
            assertThat(r.pending()).containsExactly(b);
            assertThat(b.cancelled()).isFalse();

            r = Aio.wait(List.of(a, b), ReturnWhen.ALL_COMPLETED);
            assertThat(nowMillis()).isEqualTo(300);
            assertThat(r.done()).containsExactlyInAnyOrder(a, b);
        });
    }

    // ASYNCIO-SEMANTICS §3.4 spec 20: wait never cancels; cancelling its caller raises
    // CancelledError there and leaves the futures running
    @Test
    void cancellingTheTaskInWaitRaisesThereAndDoesNotCancelTheFutures() {
        run(() -> {
            Task<String> child = after(100, "c");
            Task<Void> waiter = createTask(() -> {
                Aio.wait(List.of(child), ReturnWhen.ALL_COMPLETED);
                record("wait returned"); // must never run
            });
            sleep(Duration.ZERO);
            assertThat(waiter.cancel()).isTrue();
            assertThatThrownBy(() -> await(waiter)).isInstanceOf(CancelledError.class);
            assertThat(nowMillis()).isZero();
            assertThat(child.cancelled()).isFalse();
            assertThat(await(child)).isEqualTo("c");
        });
        assertThat(events).isEmpty();
    }

    // ================================================================== waitFor

    // ASYNCIO-SEMANTICS §3.4 spec 21 (test_waitfor::test_wait_for)
    @Test
    void waitForTimeoutCancelsTheInnerTaskAndRaisesDeadlineExceeded() {
        run(() -> {
            Task<String> foo = after(10_000, "done");
            assertThatThrownBy(() -> waitFor(foo, Duration.ofMillis(100)))
                    .isInstanceOf(DeadlineExceededException.class);
            assertThat(nowMillis()).isEqualTo(100);
            assertThat(foo.cancelled()).isTrue();
        });
    }

    // ASYNCIO-SEMANTICS §3.4 spec 21 (test_wait_for_waits_for_task_cancellation)
    @Test
    void waitForWaitsUntilTheCancelledInnerTaskIsDoneAndChainsTheCancelledError() {
        run(() -> {
            Task<Void> inner = createTask(() -> {
                try {
                    sleep(Duration.ofMillis(200));
                } catch (CancelledError e) {
                    sleep(Duration.ofMillis(1)); // cleanup that takes a while
                    throw e;
                } finally {
                    record("inner finally");
                }
            });
            Throwable thrown = null;
            try {
                waitFor(inner, Duration.ofMillis(1));
            } catch (DeadlineExceededException e) {
                record("timed out");
                thrown = e;
            }
            assertThat(thrown).isNotNull();
            assertThat(thrown.getCause()).isInstanceOf(CancelledError.class);
            assertThat(inner.cancelled()).isTrue();
            assertThat(nowMillis()).as("within about 0.5 s").isEqualTo(2);
        });
        assertThat(events).containsExactly("inner finally", "timed out");
    }

    // ASYNCIO-SEMANTICS §3.4 spec 22 (test_wait_for_timeout_less_then_0_or_0_coroutine_do_not_started)
    @Test
    void waitForWithZeroOrNegativeTimeoutNeverStartsTheCoroutine() {
        for (Duration timeout : List.of(Duration.ZERO, Duration.ofMillis(-1))) {
            run(() -> {
                assertThatThrownBy(() -> waitFor(() -> {
                    record("started");
                    return 1;
                }, timeout)).isInstanceOf(DeadlineExceededException.class)
                        .hasCauseInstanceOf(CancelledError.class);
                assertThat(nowMillis()).isZero();
            });
        }
        assertThat(events).isEmpty();
    }

    // ASYNCIO-SEMANTICS §3.4 spec 22 (test_wait_for_timeout_less_then_0_or_0_future_done)
    @Test
    void waitForWithZeroTimeoutReturnsTheResultOfADoneFuture() {
        int r = run(() -> {
            Future<Integer> fut = loop.createFuture();
            fut.setResult(1);
            return waitFor(fut, Duration.ZERO);
        });
        assertThat(r).isEqualTo(1);
    }

    // ASYNCIO-SEMANTICS §3.4 spec 22 (test_wait_for_timeout_less_then_0_or_0)
    @Test
    void waitForWithZeroOrNegativeTimeoutCancelsARunningTask() {
        for (Duration timeout : List.of(Duration.ZERO, Duration.ofMillis(-1))) {
            run(() -> {
                long start = nowMillis();
                Task<String> foo = after(200, "done");
                sleep(Duration.ZERO); // foo is running
                assertThatThrownBy(() -> waitFor(foo, timeout)).isInstanceOf(DeadlineExceededException.class);
                assertThat(foo.done()).isTrue();
                assertThat(foo.cancelled()).isTrue();
                assertThat(nowMillis() - start).isLessThan(100);
            });
        }
    }

    // ASYNCIO-SEMANTICS §3.4 spec 23 (test_wait_for_cancellation_race_condition)
    @Test
    void innerTaskThatSwallowsTheCancellationAndReturnsGivesItsResultNotATimeout() {
        int r = run(() -> waitFor(() -> {
            try {
                sleep(Duration.ofSeconds(1));
            } catch (CancelledError ignored) {
                // suppressed
            }
            return 1;
        }, Duration.ofMillis(10)));
        assertThat(r).isEqualTo(1);
        assertThat(nowMillis()).isEqualTo(10);
    }

    // ASYNCIO-SEMANTICS §3.4 spec 24 (test_wait_for_reraises_exception_during_cancellation)
    @Test
    void innerTaskThatRaisesWhileCancelledGivesItsExceptionNotATimeout() {
        IllegalStateException foo = new IllegalStateException("foo");
        run(() -> {
            assertThatThrownBy(() -> waitFor(() -> {
                try {
                    sleep(Duration.ofMillis(200));
                } finally {
                    throw foo;
                }
            }, Duration.ofMillis(100))).isSameAs(foo);
        });
    }

    // ASYNCIO-SEMANTICS §3.4 spec 24: a checked exception arrives wrapped once (DESIGN.md §2)
    @Test
    void innerTaskThatRaisesACheckedExceptionWhileCancelledGivesItWrappedOnce() {
        run(() -> {
            assertThatThrownBy(() -> waitFor(() -> {
                try {
                    sleep(Duration.ofMillis(200));
                } finally {
                    throw new FooException();
                }
            }, Duration.ofMillis(100))).isExactlyInstanceOf(CompletionException.class)
                    .hasCauseExactlyInstanceOf(FooException.class);
        });
    }

    // ASYNCIO-SEMANTICS §3.4 spec 25 (test_cancel_wait_for, bpo-23219)
    @Test
    void cancellingTheTaskInWaitForCancelsTheInnerTask() {
        cancelTaskInWaitFor(Duration.ofSeconds(60));
    }

    // ASYNCIO-SEMANTICS §3.4 spec 25 (test_cancel_blocking_wait_for)
    @Test
    void cancellingTheTaskInWaitForWithoutTimeoutCancelsTheInnerTask() {
        cancelTaskInWaitFor(null);
    }

    private void cancelTaskInWaitFor(Duration timeout) {
        run(() -> {
            Task<String> inner = after(3_600_000, "never");
            Task<String> outer = createTask(() -> waitFor(inner, timeout));
            sleep(Duration.ZERO);
            assertThat(outer.cancel()).isTrue();
            assertThatThrownBy(() -> await(outer)).isInstanceOf(CancelledError.class);
            assertThat(inner.cancelled()).isTrue();
            assertThat(outer.cancelled()).isTrue();
            assertThat(nowMillis()).isZero();
        });
    }

    // ASYNCIO-SEMANTICS §3.4 spec 25: with a future (not a task) the future is cancelled too
    @Test
    void cancellingTheTaskInWaitForCancelsTheFuture() {
        Future<Integer> fut = loop.createFuture();
        Task<Integer> outer = loop.createTask(() -> waitFor(fut, Duration.ofSeconds(60)));
        loop.runUntilIdle();
        outer.cancel();
        assertThatThrownBy(() -> loop.runUntilComplete(outer)).isInstanceOf(CancelledError.class);
        assertThat(fut.cancelled()).isTrue();
    }

    // ASYNCIO-SEMANTICS §3.4 spec 26 (test_wait_for_self_cancellation, CPython 3.11)
    @Test
    void waitForStaysCancellableWhileTheInnerTaskResistsCancellation() {
        run(() -> {
            Task<Integer> innerTask = createTask(() -> {
                try {
                    sleep(Duration.ofMillis(300));
                } catch (CancelledError e) {
                    record("inner resisted 1");
                    try {
                        sleep(Duration.ofMillis(300));
                    } catch (CancelledError e2) {
                        record("inner resisted 2");
                        sleep(Duration.ofMillis(300));
                    }
                }
                record("inner returns");
                return 42;
            });
            Task<Integer> task = createTask(() -> waitFor(innerTask, Duration.ofMillis(100)));
            sleep(Duration.ofMillis(200));
            record("cancel");
            task.cancel();
            assertThatThrownBy(() -> await(task)).isInstanceOf(CancelledError.class);
            record("outer cancelled at " + nowMillis());
            assertThat(task.cancelled()).isTrue();
            assertThat(await(innerTask)).isEqualTo(42);
        });
        assertThat(events).containsSubsequence("inner resisted 1", "cancel", "outer cancelled at 200", "inner returns");
    }

    // ASYNCIO-SEMANTICS §3.4 spec 27 (test_wait_for_race_condition)
    @Test
    void resultArrivingBeforeTheDeadlineIsReturned() {
        String r = run(() -> {
            Future<String> fut = loop.createFuture();
            loop.callLater(Duration.ofMillis(100), () -> fut.setResult("ok"));
            return waitFor(fut, Duration.ofMillis(200));
        });
        assertThat(r).isEqualTo("ok");
        assertThat(nowMillis()).isEqualTo(100);
    }

    // ASYNCIO-SEMANTICS §3.4 spec 27 (test_wait_for_blocking)
    @Test
    void waitForWithoutTimeoutJustAwaits() {
        String r = run(() -> waitFor(() -> {
            sleep(Duration.ofDays(1));
            return "done";
        }, null));
        assertThat(r).isEqualTo("done");
        assertThat(nowMillis()).isEqualTo(Duration.ofDays(1).toMillis());
    }

    // ASYNCIO-SEMANTICS §3.4 spec 27: an exception before the deadline passes through
    @Test
    void exceptionArrivingBeforeTheDeadlinePassesThrough() {
        IllegalStateException boom = new IllegalStateException("boom");
        run(() -> {
            Task<String> t = failingAfter(10, boom);
            assertThatThrownBy(() -> waitFor(t, Duration.ofMillis(100))).isSameAs(boom);
            assertThat(nowMillis()).isEqualTo(10);
        });
    }
}
