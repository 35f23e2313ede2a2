package io.aio4j;

import static io.aio4j.Aio.await;
import static io.aio4j.Aio.currentTask;
import static io.aio4j.Aio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * ASYNCIO-SEMANTICS §3.1, Tasks and cancellation: one test per spec, translated from CPython's
 * {@code test_tasks.py}. The CPython tests peek at {@code t._fut_waiter}; here the task's
 * {@code toString()} ({@code wait_for=...}) plays that part.
 */
class TaskCancellationSpecTest extends LoopTest {

    // ASYNCIO-SEMANTICS §3.1 spec 1 (test_cancel_task_catching)
    @Test
    void cancelledTaskThatCatchesTheErrorReturnsItsValue() {
        Future<Void> fut1 = loop.createFuture();
        Future<Void> fut2 = loop.createFuture();
        Task<Integer> t = loop.createTask(() -> {
            await(fut1);
            try {
                await(fut2);
            } catch (CancelledError e) {
                return 42;
            }
            return -1;
        });
        loop.runUntilIdle();
        assertThat(t.toString()).contains("wait_for=" + fut1);
        fut1.setResult(null);
        loop.runUntilIdle();
        assertThat(t.toString()).contains("wait_for=" + fut2);

        assertThat(t.cancel()).isTrue();
        assertThat(fut2.cancelled()).as("cancelling the task cancels the future it waits on").isTrue();

        assertThat(loop.runUntilComplete(t)).isEqualTo(42);
        assertThat(t.cancelled()).isFalse();
    }

    // ASYNCIO-SEMANTICS §3.1 spec 2 (test_cancel_task_ignoring)
    @Test
    void taskThatSwallowsItsCancellationCarriesOnAwaiting() {
        Future<Void> fut1 = loop.createFuture();
        Future<Void> fut2 = loop.createFuture();
        Future<Integer> fut3 = loop.createFuture();
        Task<Integer> t = loop.createTask(() -> {
            await(fut1);
            try {
                await(fut2);
            } catch (CancelledError ignored) {
                // refuses the cancellation
            }
            return await(fut3);
        });
        loop.runUntilIdle();
        fut1.setResult(null);
        loop.runUntilIdle();

        assertThat(t.cancel()).isTrue();
        assertThat(fut2.cancelled()).isTrue();
        loop.runUntilIdle();
        assertThat(t.toString()).contains("wait_for=" + fut3);
        assertThat(t.done()).isFalse();

        fut3.setResult(42);
        assertThat(loop.runUntilComplete(t)).isEqualTo(42);
        assertThat(fut3.cancelled()).isFalse();
        assertThat(t.cancelled()).isFalse();
    }

    // ASYNCIO-SEMANTICS §3.1 spec 3 (test_cancel_current_task)
    @Test
    void taskThatCancelsItselfIsCancelledAtItsNextAwaitAtOnce() {
        Task<Integer> t = loop.createTask(() -> {
            assertThat(currentTask().cancel()).isTrue();
            record("cancelled itself");
            sleep(Duration.ofSeconds(100)); // must raise at once, not after 100 s
            record("slept");
            return 12;
        });
        assertThat(t.cancelled()).isFalse();

        assertThatThrownBy(() -> loop.runUntilComplete(t)).isInstanceOf(CancelledError.class);

        assertThat(events).containsExactly("cancelled itself");
        assertThat(nowMillis()).as("virtual time when the sleep raised").isZero();
        assertThat(t.done()).isTrue();
        assertThat(t.cancelled()).isTrue();
        assertThat(t.cancel()).as("cancel() of a done task").isFalse();
    }

    // ASYNCIO-SEMANTICS §3.1 spec 4 (test_cancel_at_end)
    @Test
    void taskThatCancelsItselfAndReturnsWithoutAwaitingEndsCancelled() {
        Task<Integer> t = loop.createTask(() -> {
            assertThat(currentTask().cancel()).isTrue();
            return 12;
        });
        assertThat(t.cancelled()).isFalse();

        assertThatThrownBy(() -> loop.runUntilComplete(t)).isInstanceOf(CancelledError.class);

        assertThat(t.done()).isTrue();
        assertThat(t.cancelled()).as("the return value is dropped").isTrue();
        assertThat(t.cancel()).isFalse();
    }

    // ASYNCIO-SEMANTICS §3.1 spec 5 (test_cancel_awaited_task, bpo-34872)
    @Test
    void selfCancelledTaskCancelsTheChildItAwaitsNextAndTheChildsFuture() {
        Future<Void> fut = loop.createFuture();
        Task<?>[] nested = new Task<?>[1];
        Task<Void> t = loop.createTask(() -> {
            nested[0] = Aio.createTask(() -> {
                await(fut);
            });
            sleep(Duration.ZERO); // let the child start and wait on fut
            currentTask().cancel();
            await(nested[0]); // the pending cancellation is delivered here, to the child
        });

        assertThatThrownBy(() -> loop.runUntilComplete(t)).isInstanceOf(CancelledError.class);

        assertThat(t.cancelled()).isTrue();
        assertThat(nested[0].cancelled()).isTrue();
        assertThat(fut.cancelled()).isTrue();
    }

    // ASYNCIO-SEMANTICS §3.1 spec 6 (test_yield_future_passes_cancel): inner is a coroutine
    // awaited directly, which in Java is a plain method call.
    @Test
    void cancellationReachesTheInnermostAwaitAndTheOuterCoroutineMayCatchIt() {
        Future<Void> waiter = loop.createFuture();
        int[] proof = {0};
        Task<Void> outer = loop.createTask(() -> {
            try {
                innerAwaiting(waiter, proof);
                proof[0] += 10;
            } catch (CancelledError e) {
                proof[0] += 100; // expected path
            }
        });
        loop.runUntilIdle();

        assertThat(outer.cancel()).isTrue();
        loop.runUntilComplete(outer);

        assertThat(proof[0]).isEqualTo(101);
        assertThat(waiter.cancelled()).isTrue();
        assertThat(outer.cancelled()).as("outer caught the cancellation and returned").isFalse();
    }

    // ASYNCIO-SEMANTICS §3.1 spec 6, with inner as a task of its own: cancelling outer cancels the
    // task it awaits, which cancels the future that one awaits.
    @Test
    void cancellationPassesDownThroughAnAwaitedTask() {
        Future<Void> waiter = loop.createFuture();
        int[] proof = {0};
        Task<?>[] inner = new Task<?>[1];
        Task<Void> outer = loop.createTask(() -> {
            inner[0] = Aio.createTask(() -> innerAwaiting(waiter, proof));
            try {
                await(inner[0]);
                proof[0] += 10;
            } catch (CancelledError e) {
                proof[0] += 100;
            }
        });
        loop.runUntilIdle();

        assertThat(outer.cancel()).isTrue();
        loop.runUntilComplete(outer);

        assertThat(proof[0]).isEqualTo(101);
        assertThat(waiter.cancelled()).isTrue();
        assertThat(inner[0].cancelled()).isTrue();
        assertThat(outer.cancelled()).isFalse();
    }

    private static void innerAwaiting(Future<Void> waiter, int[] proof) {
        try {
            await(waiter);
        } catch (CancelledError e) {
            proof[0] += 1;
            throw e;
        }
        fail("got past the await in inner");
    }

    // ASYNCIO-SEMANTICS §3.1 spec 7 (test_cancelling)
    @Test
    void cancelRequestsAreCountedAndASecondOneBeforeTheTaskRunsAlsoReturnsTrue() {
        Task<Void> t = loop.createTask(() -> sleep(Duration.ofSeconds(10)));
        assertThat(t.cancelling()).isZero();
        assertThat(t.toString()).doesNotContain("cancelling");

        assertThat(t.cancel()).isTrue();
        assertThat(t.cancelling()).isEqualTo(1);
        assertThat(t.toString()).contains("cancelling=1");

        assertThat(t.cancel()).isTrue();
        assertThat(t.cancelling()).isEqualTo(2);

        assertThatThrownBy(() -> loop.runUntilComplete(t)).isInstanceOf(CancelledError.class);
        assertThat(t.cancelled()).isTrue();
    }

    // ASYNCIO-SEMANTICS §3.1 spec 7 (test_uncancel_basic)
    @Test
    void uncancelLetsATaskThatHandledItsCancellationCarryOnAndHasNoEffectOnceItIsDone() {
        Task<Void> t = loop.createTask(() -> {
            try {
                sleep(Duration.ofSeconds(10));
            } catch (CancelledError e) {
                currentTask().uncancel();
                sleep(Duration.ofSeconds(10));
            }
        });
        loop.advanceBy(Duration.ofMillis(10));

        // cancel the first sleep
        assertThat(t.cancel()).isTrue();
        assertThat(t.toString()).contains("cancelling=1");
        assertThat(t.cancelling()).isEqualTo(1);
        assertThat(t.cancelled()).isFalse();
        loop.advanceBy(Duration.ofMillis(10));

        // the task took its request back and sleeps again
        assertThat(t.toString()).doesNotContain("cancelling");
        assertThat(t.cancelling()).isZero();
        assertThat(t.done()).isFalse();

        // cancel the second sleep
        assertThat(t.cancel()).isTrue();
        assertThat(t.cancelling()).isEqualTo(1);
        assertThat(t.cancelled()).isFalse();
        assertThatThrownBy(() -> loop.runUntilComplete(t)).isInstanceOf(CancelledError.class);
        assertThat(t.cancelled()).isTrue();
        assertThat(t.done()).isTrue();

        // uncancel() is no longer effective after the task is complete
        assertThat(t.uncancel()).isEqualTo(1);
        assertThat(t.cancelling()).isEqualTo(1);
        assertThat(t.cancelled()).isTrue();
        assertThat(t.done()).isTrue();
    }

    // ASYNCIO-SEMANTICS §3.1 spec 7: "once the count returns to 0 the task can continue normally",
    // here for requests made before the task's first step (not yet delivered).
    @Test
    void uncancellingEveryRequestBeforeDeliveryLetsTheTaskRunNormally() {
        Task<Integer> t = loop.createTask(() -> {
            sleep(Duration.ofSeconds(1));
            return 42;
        });
        assertThat(t.cancel()).isTrue();
        assertThat(t.cancel()).isTrue();
        assertThat(t.uncancel()).isEqualTo(1);
        assertThat(t.uncancel()).isZero();
        assertThat(t.uncancel()).as("never below zero").isZero();

        assertThat(loop.runUntilComplete(t)).isEqualTo(42);
        assertThat(t.cancelled()).isFalse();
        assertThat(nowMillis()).isEqualTo(1000);
    }
}
