package io.aio4j;

import static io.aio4j.Aio.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Future and Task basics: states, results, callbacks, how exceptions cross, names, toString, stack. */
class FutureTest extends LoopTest {

    // ------------------------------------------------------------------ result and exception

    @Test
    void pendingFutureHasNeitherResultNorException() {
        Future<String> f = loop.createFuture();
        assertThat(f.done()).isFalse();
        assertThatThrownBy(f::result).isInstanceOf(InvalidStateException.class);
        assertThatThrownBy(f::exception).isInstanceOf(InvalidStateException.class);
        f.cancel();
    }

    @Test
    void futureWithAResultReturnsItAndHasNoException() {
        Future<String> f = loop.createFuture();
        f.setResult("ok");
        assertThat(f.done()).isTrue();
        assertThat(f.cancelled()).isFalse();
        assertThat(f.result()).isEqualTo("ok");
        assertThat(f.exception()).isNull();
    }

    @Test
    void doneFutureRefusesASecondOutcome() {
        Future<String> f = loop.createFuture();
        f.setResult("first");
        assertThatThrownBy(() -> f.setResult("second")).isInstanceOf(InvalidStateException.class);
        assertThatThrownBy(() -> f.setException(new IOException())).isInstanceOf(InvalidStateException.class);
        assertThat(f.trySetResult("second")).isFalse();
        assertThat(f.trySetException(new IOException())).isFalse();
        assertThat(f.cancel()).isFalse();
        assertThat(f.result()).isEqualTo("first");
    }

    @Test
    void cancelledFutureRaisesCancelledErrorWithTheMessage() {
        Future<String> f = loop.createFuture();
        assertThat(f.cancel("enough")).isTrue();
        assertThat(f.cancel("again")).isFalse();
        assertThat(f.done()).isTrue();
        assertThat(f.cancelled()).isTrue();
        assertThatThrownBy(f::result).isInstanceOf(CancelledError.class).hasMessage("enough");
        assertThatThrownBy(f::exception).isInstanceOf(CancelledError.class).hasMessage("enough");
    }

    @Test
    void setExceptionRefusesACancelledError() {
        Future<String> f = loop.createFuture();
        assertThatThrownBy(() -> f.setException(new CancelledError())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.trySetException(new CancelledError())).isInstanceOf(IllegalArgumentException.class);
        assertThat(f.done()).isFalse();
        f.cancel();
    }

    @Test
    void checkedExceptionArrivesWrappedOnceInCompletionException() {
        IOException io = new IOException("disk");
        Future<String> f = loop.createFuture();
        f.setException(io);
        assertThat(f.exception()).isSameAs(io);
        Throwable thrown = catchThrowable(f::result);
        assertThat(thrown).isExactlyInstanceOf(CompletionException.class).hasCause(io);
    }

    @Test
    void uncheckedExceptionsArriveAsTheyWereThrown() {
        IllegalStateException runtime = new IllegalStateException("runtime");
        StackOverflowError error = new StackOverflowError("error");
        Future<String> f = loop.createFuture();
        Future<String> g = loop.createFuture();
        f.setException(runtime);
        g.setException(error);
        assertThat(catchThrowable(f::result)).isSameAs(runtime);
        assertThat(catchThrowable(g::result)).isSameAs(error);
    }

    @Test
    void checkedExceptionOfATaskStaysWrappedOnceAcrossAChainOfAwaits() {
        IOException io = new IOException("deep");
        Throwable seen = run(() -> {
            Task<String> inner = Aio.createTask(() -> {
                throw io;
            });
            Task<String> middle = Aio.createTask(() -> await(inner)); // rethrows the CompletionException
            try {
                await(middle);
                return null;
            } catch (CompletionException e) {
                return e;
            }
        });
        assertThat(seen).isExactlyInstanceOf(CompletionException.class).hasCause(io);
    }

    @Test
    void uncheckedExceptionOfATaskArrivesAsThrownThroughAwait() {
        IllegalArgumentException bad = new IllegalArgumentException("bad");
        Throwable seen = run(() -> {
            Task<String> inner = Aio.createTask(() -> {
                throw bad;
            });
            return catchThrowable(() -> await(inner));
        });
        assertThat(seen).isSameAs(bad);
    }

    // ------------------------------------------------------------------ done callbacks

    @Test
    void doneCallbacksRunInRegistrationOrderAndNeverInsideTheCompletingCall() {
        Future<String> f = loop.createFuture();
        f.addDoneCallback(x -> record("first " + x.result()));
        f.addDoneCallback(x -> record("second " + x.result()));
        f.setResult("r");
        assertThat(events).as("inside setResult").isEmpty();
        loop.runUntilIdle();
        assertThat(events).containsExactly("first r", "second r");
    }

    @Test
    void callbackAddedToADoneFutureIsScheduledNotRunAtOnce() {
        Future<String> f = loop.createFuture();
        f.cancel();
        f.addDoneCallback(x -> record("cancelled=" + x.cancelled()));
        assertThat(events).isEmpty();
        loop.runUntilIdle();
        assertThat(events).containsExactly("cancelled=true");
    }

    @Test
    void removeDoneCallbackRemovesEveryRegistrationOfThatCallback() {
        Future<String> f = loop.createFuture();
        Consumer<Future<String>> removed = x -> record("removed");
        Consumer<Future<String>> kept = x -> record("kept");
        f.addDoneCallback(removed);
        f.addDoneCallback(kept);
        f.addDoneCallback(removed);
        assertThat(f.removeDoneCallback(removed)).isEqualTo(2);
        assertThat(f.removeDoneCallback(removed)).isZero();
        f.setResult("r");
        loop.runUntilIdle();
        assertThat(events).containsExactly("kept");
    }

    // ------------------------------------------------------------------ toCompletableFuture

    @Test
    void toCompletableFutureCompletesWithTheResultWhenTheLoopRuns() {
        Future<String> f = loop.createFuture();
        CompletableFuture<String> cf = f.toCompletableFuture();
        f.setResult("r");
        assertThat(cf).as("completes on the loop, by a callback").isNotDone();
        loop.runUntilIdle();
        assertThat(cf).isCompletedWithValue("r");
    }

    @Test
    void toCompletableFutureCompletesExceptionallyWithTheExceptionOrACancellation() {
        IOException io = new IOException("io");
        Future<String> failed = loop.createFuture();
        Future<String> cancelled = loop.createFuture();
        CompletableFuture<String> cfFailed = failed.toCompletableFuture();
        CompletableFuture<String> cfCancelled = cancelled.toCompletableFuture();
        failed.setException(io);
        cancelled.cancel("stop");
        loop.runUntilIdle();

        assertThat(catchThrowable(cfFailed::join)).isInstanceOf(CompletionException.class).hasCause(io);
        assertThat(cfCancelled).isCompletedExceptionally();
        assertThat(catchThrowable(cfCancelled::join)).isInstanceOf(CancellationException.class);
    }

    @Test
    void cancellingTheCompletableFutureDoesNotCancelTheFuture() {
        Future<String> f = loop.createFuture();
        CompletableFuture<String> cf = f.toCompletableFuture();
        cf.cancel(true);
        loop.runUntilIdle();
        assertThat(f.done()).isFalse();
        f.setResult("still settable");
        loop.runUntilIdle();
        assertThat(f.result()).isEqualTo("still settable");
    }

    // ------------------------------------------------------------------ tasks: names, toString, stack

    @Test
    void unnamedTasksAreNamedTaskNAndNamedOnesKeepTheirName() {
        Task<Integer> a = loop.createTask(() -> 1);
        Task<Integer> b = loop.createTask(() -> 2);
        Task<Integer> named = loop.createTask(() -> 3, "fetch");
        assertThat(a.name()).matches("Task-\\d+");
        assertThat(b.name()).matches("Task-\\d+");
        long na = Long.parseLong(a.name().substring("Task-".length()));
        long nb = Long.parseLong(b.name().substring("Task-".length()));
        assertThat(nb).isGreaterThan(na);
        assertThat(named.name()).isEqualTo("fetch");
        named.setName("renamed");
        assertThat(named.name()).isEqualTo("renamed");
        loop.runUntilIdle();
    }

    @Test
    void futureToStringShowsItsState() {
        Future<String> pending = loop.createFuture();
        Future<String> finished = loop.createFuture();
        Future<String> failed = loop.createFuture();
        Future<String> cancelled = loop.createFuture();
        finished.setResult("42");
        failed.setException(new IOException("io"));
        cancelled.cancel("why");
        assertThat(pending).hasToString("<Future pending>");
        assertThat(finished.toString()).contains("finished", "result=42");
        assertThat(failed.toString()).contains("finished", "exception=", "IOException", "io");
        assertThat(cancelled.toString()).contains("cancelled", "why");
        pending.cancel();
    }

    @Test
    void taskToStringShowsItsStateNameAndWhatItWaitsFor() {
        Future<Integer> gate = loop.createFuture();
        Task<Integer> t = loop.createTask(() -> await(gate) + 1, "adder");
        assertThat(t.toString()).contains("pending", "name='adder'");
        loop.runUntilIdle();
        assertThat(t.toString()).contains("pending", "name='adder'", "wait_for=" + gate);
        gate.setResult(41);
        loop.runUntilIdle();
        assertThat(t.toString()).contains("finished", "result=42", "name='adder'").doesNotContain("wait_for");
    }

    @Test
    void stackOfASuspendedTaskShowsTheTestsOwnMethodOnTop() {
        Future<Void> gate = loop.createFuture();
        Task<Void> t = loop.createTask(() -> waitHereForTheGate(gate));
        assertThat(t.stack()).as("not started").isEmpty();
        loop.runUntilIdle();

        StackTraceElement[] stack = t.stack();
        assertThat(stack).isNotEmpty();
        assertThat(stack[0].getClassName()).as("%s", Arrays.asList(stack)).isEqualTo(FutureTest.class.getName());
        assertThat(stack[0].getMethodName()).as("%s", Arrays.asList(stack)).isEqualTo("waitHereForTheGate");

        gate.setResult(null);
        loop.runUntilIdle();
        assertThat(t.done()).isTrue();
        assertThat(t.stack()).as("done").isEmpty();
    }

    private static void waitHereForTheGate(Future<Void> gate) {
        await(gate);
    }

    @Test
    void sleepZeroYieldsExactlyOnceSoWhatIsAlreadyReadyRunsFirst() {
        run(() -> {
            EventLoop here = Aio.getRunningLoop();
            Task<Void> other = Aio.createTask(() -> {
                record("other 1");
                Aio.sleep(Duration.ZERO);
                record("other 2");
                Aio.sleep(Duration.ZERO);
                record("other 3");
            });
            here.callSoon(() -> {
                record("callback 1");
                here.callSoon(() -> record("callback 2")); // queued behind this task's wake-up
            });
            record("main before");
            Aio.sleep(Duration.ZERO);
            record("main after");
            await(other);
        });
        // Ready queue at the sleep: [other, callback 1, main]. Not yielding would put "main after"
        // before "other 1"; yielding twice would put it after "other 2" and "callback 2".
        assertThat(events).containsExactly(
                "main before", "other 1", "callback 1", "main after", "other 2", "callback 2", "other 3");
        assertThat(nowMillis()).isZero();
    }

    @Test
    void sleepingTaskWakesAtItsVirtualDeadline() {
        long woke = run(() -> {
            Aio.sleep(Duration.ofSeconds(5));
            return nowMillis();
        });
        assertThat(woke).isEqualTo(5000);
    }
}
