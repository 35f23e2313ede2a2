package io.aio4j;

import static io.aio4j.Aio.await;
import static io.aio4j.Aio.createTask;
import static io.aio4j.Aio.gatherFuture;
import static io.aio4j.Aio.shield;
import static io.aio4j.Aio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ASYNCIO-SEMANTICS §3.2, shield: one or more tests per spec, translated from CPython's
 * {@code test_tasks.py}.
 */
class ShieldSpecTest extends LoopTest {

    // ASYNCIO-SEMANTICS §3.2 spec 8 (test_shield_effect)
    @Test
    void cancellingTheTaskAwaitingAShieldLeavesTheInnerWorkRunningToItsEnd() {
        Task<?>[] inner = new Task<?>[1];
        Task<Void> outer = loop.createTask(() -> {
            inner[0] = createTask(() -> {
                sleep(Duration.ofMillis(100));
                record("inner done");
                return 7;
            });
            await(shield(inner[0]));
            record("after the shielded await"); // must never run
        });
        loop.runUntilIdle();
        assertThat(outer.cancel()).isTrue();

        assertThatThrownBy(() -> loop.runUntilComplete(outer)).isInstanceOf(CancelledError.class);
        assertThat(inner[0].cancelled()).isFalse();

        assertThat(loop.runUntilComplete(inner[0])).isEqualTo(7);
        assertThat(events).containsExactly("inner done");
        assertThat(nowMillis()).isEqualTo(100);
    }

    // ASYNCIO-SEMANTICS §3.2 spec 9 (test_shield_result)
    @Test
    void shieldPassesTheInnerResultThrough() {
        int r = run(() -> {
            Future<Integer> inner = loop.createFuture();
            Future<Integer> outer = shield(inner);
            loop.callLater(Duration.ofMillis(10), () -> inner.setResult(42));
            return await(outer);
        });
        assertThat(r).isEqualTo(42);
    }

    // ASYNCIO-SEMANTICS §3.2 spec 9 (test_shield_exception)
    @Test
    void shieldPassesTheInnerExceptionThroughAsItWas() {
        IllegalStateException boom = new IllegalStateException("boom");
        run(() -> {
            Future<Integer> inner = loop.createFuture();
            Future<Integer> outer = shield(inner);
            sleep(Duration.ZERO);
            inner.setException(boom);
            assertThatThrownBy(() -> await(outer)).isSameAs(boom);
            assertThat(outer.exception()).isSameAs(boom);
        });
    }

    // ASYNCIO-SEMANTICS §3.2 spec 9 (test_shield_shortcut)
    @Test
    void shieldOfADoneFutureReturnsItsResultAtOnce() {
        run(() -> {
            Future<Integer> inner = loop.createFuture();
            inner.setResult(42);
            Future<Integer> outer = shield(inner);
            assertThat(outer.done()).isTrue();
            assertThat(outer.result()).isEqualTo(42);
            long before = loop.time();
            assertThat(await(outer)).isEqualTo(42);
            assertThat(loop.time()).isEqualTo(before);
        });
    }

    // ASYNCIO-SEMANTICS §3.2 spec 10 (test_shield_cancel_inner)
    @Test
    void cancellingTheInnerFutureCancelsTheShield() {
        run(() -> {
            Future<Integer> inner = loop.createFuture();
            Future<Integer> outer = shield(inner);
            sleep(Duration.ZERO);
            inner.cancel();
            sleep(Duration.ZERO);
            assertThat(outer.cancelled()).isTrue();
            assertThatThrownBy(() -> await(outer)).isInstanceOf(CancelledError.class);
        });
    }

    // ASYNCIO-SEMANTICS §3.2 spec 10 (test_shield_cancel_outer)
    @Test
    void cancellingTheShieldDoesNotCancelTheInnerFuture() {
        run(() -> {
            Future<Integer> inner = loop.createFuture();
            Future<Integer> outer = shield(inner);
            sleep(Duration.ZERO);
            assertThat(outer.cancel()).isTrue();
            sleep(Duration.ZERO);
            assertThat(outer.cancelled()).isTrue();
            assertThat(inner.cancelled()).isFalse();
            assertThat(inner.done()).isFalse();

            inner.setResult(3);
            sleep(Duration.ZERO);
            assertThat(outer.cancelled()).as("a late inner result does not change a cancelled shield").isTrue();
            assertThat(await(inner)).isEqualTo(3);
        });
        assertThat(reports).isEmpty();
    }

    // ASYNCIO-SEMANTICS §3.2 spec 10: as in CPython, once the shield is cancelled nobody waits for
    // the inner task any more, so its late failure is reported as never retrieved.
    @Test
    void innerFailureAfterTheShieldWasCancelledIsReportedAsNeverRetrieved() {
        IllegalStateException late = new IllegalStateException("late");
        run(() -> {
            Task<Void> inner = createTask(() -> {
                sleep(Duration.ofMillis(10));
                throw late;
            });
            Future<Void> outer = shield(inner);
            outer.cancel();
            sleep(Duration.ofMillis(20));
            assertThat(inner.done()).isTrue();
        });
        loop.close();
        assertThat(reports).extracting(ExceptionContext::exception).containsExactly(late);
    }

    // ASYNCIO-SEMANTICS §3.2 spec 11 (test_shield_gather)
    @Test
    void cancellingAShieldedGatherLetsTheGatherComplete() {
        run(() -> {
            Future<Integer> child1 = loop.createFuture();
            Future<Integer> child2 = loop.createFuture();
            Future<List<Integer>> parent = gatherFuture(List.of(child1, child2));
            Future<List<Integer>> outer = shield(parent);
            sleep(Duration.ZERO);
            assertThat(outer.cancel()).isTrue();
            sleep(Duration.ZERO);
            assertThat(outer.cancelled()).isTrue();

            child1.setResult(1);
            child2.setResult(2);
            sleep(Duration.ZERO);
            sleep(Duration.ZERO);
            assertThat(parent.cancelled()).isFalse();
            assertThat(parent.result()).containsExactly(1, 2);
        });
    }

    // ASYNCIO-SEMANTICS §3.2 spec 11 (test_gather_shield)
    @Test
    void cancellingAGatherOfShieldsCancelsTheShieldsButNotTheChildren() {
        run(() -> {
            Future<Integer> a = loop.createFuture();
            Future<Integer> b = loop.createFuture();
            Future<Integer> innerA = shield(a);
            Future<Integer> innerB = shield(b);
            Future<List<Integer>> parent = gatherFuture(List.of(innerA, innerB));
            sleep(Duration.ZERO);
            assertThat(parent.cancel()).isTrue();
            sleep(Duration.ZERO);
            sleep(Duration.ZERO);

            assertThat(innerA.cancelled()).isTrue();
            assertThat(innerB.cancelled()).isTrue();
            assertThat(parent.cancelled()).isTrue();
            assertThatThrownBy(() -> await(parent)).isInstanceOf(CancelledError.class);
            assertThat(a.cancelled()).isFalse();
            assertThat(b.cancelled()).isFalse();
            assertThat(a.done()).isFalse();

            a.setResult(1);
            b.setResult(2);
            assertThat(await(a) + await(b)).isEqualTo(3);
        });
    }
}
