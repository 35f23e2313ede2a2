package io.aio4j;

import static io.aio4j.Aio.asCompleted;
import static io.aio4j.Aio.await;
import static io.aio4j.Aio.createTask;
import static io.aio4j.Aio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** {@code Aio.asCompleted}: asyncio's {@code as_completed}, futures in the order they complete. */
class AsCompletedTest extends LoopTest {

    private static Task<String> after(long millis, String value) {
        return createTask(() -> {
            sleep(Duration.ofMillis(millis));
            return value;
        });
    }

    @Test
    void futuresComeBackInCompletionOrderEachAsSoonAsItIsDone() {
        run(() -> {
            Iterator<Future<String>> it = asCompleted(List.of(after(30, "a"), after(10, "b"), after(20, "c")));
            while (it.hasNext()) {
                Future<String> f = it.next();
                assertThat(f.done()).isTrue();
                record(await(f) + "@" + nowMillis());
            }
            assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
        });
        assertThat(events).containsExactly("b@10", "c@20", "a@30");
    }

    @Test
    void failedAndCancelledFuturesAreReturnedDoneWithoutRaising() {
        IllegalStateException boom = new IllegalStateException("boom");
        run(() -> {
            Future<String> failing = loop.createFuture();
            Future<String> cancelled = loop.createFuture();
            Future<String> ok = loop.createFuture();
            Iterator<Future<String>> it = asCompleted(List.of(ok, failing, cancelled));
            loop.callLater(Duration.ofMillis(1), () -> failing.setException(boom));
            loop.callLater(Duration.ofMillis(2), () -> cancelled.cancel());
            loop.callLater(Duration.ofMillis(3), () -> ok.setResult("ok"));
            assertThat(it.next()).isSameAs(failing);
            assertThat(it.next()).isSameAs(cancelled);
            assertThat(it.next()).isSameAs(ok);
            assertThat(it.hasNext()).isFalse();
            assertThatThrownBy(() -> await(failing)).isSameAs(boom);
            assertThat(cancelled.cancelled()).isTrue();
        });
    }

    @Test
    void alreadyDoneFuturesComeFirstAndDuplicatesCountOnce() {
        run(() -> {
            Future<String> done = loop.createFuture();
            done.setResult("done");
            Task<String> later = after(10, "later");
            Iterator<Future<String>> it = asCompleted(List.of(later, done, later));
            assertThat(it.next()).isSameAs(done);
            assertThat(it.next()).isSameAs(later);
            assertThat(it.hasNext()).as("the duplicate is one future").isFalse();
        });
    }

    @Test
    void timeoutRaisesDeadlineExceededFromNextAndLeavesTheFuturesRunning() {
        run(() -> {
            Task<String> fast = after(10, "fast");
            Task<String> slow = after(1_000, "slow");
            Iterator<Future<String>> it = asCompleted(List.of(slow, fast), Duration.ofMillis(100));
            assertThat(it.next()).isSameAs(fast);
            assertThat(it.hasNext()).isTrue();
            assertThatThrownBy(it::next).isInstanceOf(DeadlineExceededException.class);
            assertThat(nowMillis()).as("counted from the call, not from the last next()").isEqualTo(100);
            assertThat(slow.cancelled()).isFalse();
            assertThat(await(slow)).isEqualTo("slow");
        });
    }

    @Test
    void cancellingTheTaskInNextRaisesCancelledErrorAndLeavesTheFuturesRunning() {
        run(() -> {
            Task<String> slow = after(100, "slow");
            Task<Void> consumer = createTask(() -> {
                Iterator<Future<String>> it = asCompleted(List.of(slow));
                it.next();
                record("next returned"); // must never run
            });
            sleep(Duration.ofMillis(10));
            consumer.cancel();
            assertThatThrownBy(() -> await(consumer)).isInstanceOf(CancelledError.class);
            assertThat(nowMillis()).isEqualTo(10);
            assertThat(slow.cancelled()).isFalse();
            assertThat(await(slow)).isEqualTo("slow");
        });
        assertThat(events).isEmpty();
    }
}
