package io.aio4j;

import static io.aio4j.Aio.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.internal.task.VirtualTimeLoop;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ASYNCIO-SEMANTICS §3.8, Loop scheduling and error handling: one test per spec, translated from
 * CPython's {@code test_events.py}, {@code test_base_events.py} and {@code test_futures.py}.
 */
class LoopSchedulingSpecTest extends LoopTest {
    private LogCapture log;

    @BeforeEach
    void captureLog() throws ReflectiveOperationException {
        log = new LogCapture("io.aio4j");
    }

    @AfterEach
    void releaseLog() throws ReflectiveOperationException {
        log.close();
    }

    /**
     * Captures what the loop logs through its System.Logger "io.aio4j", which the JDK backs with
     * the java.util.logging logger of that name. Reflective because the test classes compile into
     * module io.aio4j, which does not read java.logging; at run time they are on the class path.
     */
    private static final class LogCapture {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final Class<?> loggerClass = Class.forName("java.util.logging.Logger");
        private final Class<?> handlerClass = Class.forName("java.util.logging.Handler");
        /** Strong reference: java.util.logging keeps its loggers weakly. */
        private final Object logger;
        private final Object handler;

        LogCapture(String name) throws ReflectiveOperationException {
            Object formatter = Class.forName("java.util.logging.SimpleFormatter").getConstructor().newInstance();
            handler = Class.forName("java.util.logging.StreamHandler")
                    .getConstructor(OutputStream.class, Class.forName("java.util.logging.Formatter"))
                    .newInstance(out, formatter);
            logger = loggerClass.getMethod("getLogger", String.class).invoke(null, name);
            loggerClass.getMethod("addHandler", handlerClass).invoke(logger, handler);
        }

        /** Everything logged so far, formatted, with stack traces. */
        String text() throws ReflectiveOperationException {
            handlerClass.getMethod("flush").invoke(handler);
            synchronized (out) {
                return out.toString(StandardCharsets.UTF_8);
            }
        }

        void clear() throws ReflectiveOperationException {
            handlerClass.getMethod("flush").invoke(handler);
            synchronized (out) {
                out.reset();
            }
        }

        void close() throws ReflectiveOperationException {
            loggerClass.getMethod("removeHandler", handlerClass).invoke(logger, handler);
        }
    }

    // ASYNCIO-SEMANTICS §3.8 spec 51 (test_call_soon)
    @Test
    void callSoonRunsCallbacksInTheOrderTheyWereScheduled() {
        for (int i = 0; i < 10; i++) {
            int n = i;
            loop.callSoon(() -> record(n));
        }
        loop.runUntilIdle();
        assertThat(events).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    // ASYNCIO-SEMANTICS §3.8 spec 51 (test_call_soon_threadsafe): a callback handed over by
    // another thread joins the same FIFO; the thread's 'hello', queued first, runs first.
    @Test
    @Timeout(30) // a guard against a hang, not a timing: nothing here waits for time to pass
    void callSoonThreadsafeJoinsTheSameFifoAsCallSoon() throws InterruptedException {
        Runnable stopAfterTwo = () -> {
            if (events.size() >= 2) {
                loop.stop();
            }
        };
        CountDownLatch queued = new CountDownLatch(1);
        Thread other = Thread.ofPlatform().start(() -> {
            loop.callSoonThreadsafe(() -> {
                record("hello");
                stopAfterTwo.run();
            });
            queued.countDown();
        });
        queued.await();
        loop.callSoon(() -> {
            record("world");
            stopAfterTwo.run();
        });
        loop.runForever();
        other.join();

        assertThat(events).containsExactly("hello", "world");
    }

    // ASYNCIO-SEMANTICS §3.8 spec 51: callSoonThreadsafe wakes a loop that is blocked with nothing
    // to do (no callbacks, no timers), and the callback runs on the loop thread.
    @Test
    @Timeout(30) // a guard against a hang: without the wake-up the loop would block forever
    void callSoonThreadsafeWakesABlockedLoop() throws InterruptedException {
        Thread[] loopThread = new Thread[1];
        Thread[] other = new Thread[1];
        loop.callSoon(() -> {
            loopThread[0] = Thread.currentThread();
            other[0] = Thread.ofPlatform().start(() -> loop.callSoonThreadsafe(() -> {
                record(Thread.currentThread() == loopThread[0] ? "ran on the loop thread" : "ran elsewhere");
                loop.stop();
            }));
        });
        loop.runForever();
        other[0].join();

        assertThat(events).containsExactly("ran on the loop thread");
        assertThat(nowMillis()).isZero();
    }

    // ASYNCIO-SEMANTICS §3.8 spec 52 (test_call_later_negative_delays)
    @Test
    void overdueTimersRunInDeadlineOrderAfterCallbacksAlreadyReady() {
        loop.callLater(Duration.ofSeconds(-1), () -> record("a"));
        loop.callLater(Duration.ofSeconds(-2), () -> record("b"));
        loop.callSoon(() -> record("soon")); // queued after the timers, runs before them
        loop.runUntilIdle();
        assertThat(events).containsExactly("soon", "b", "a");
    }

    // ASYNCIO-SEMANTICS §3.8 spec 52: timers in the future run in deadline order, each at its own
    // deadline, whatever order they were scheduled in.
    @Test
    void timersRunInDeadlineOrderEachAtItsDeadline() {
        loop.callLater(Duration.ofMillis(300), () -> record("c@" + nowMillis()));
        loop.callLater(Duration.ofMillis(100), () -> record("a@" + nowMillis()));
        loop.callLater(Duration.ofMillis(200), () -> record("b@" + nowMillis()));
        loop.advanceBy(Duration.ofMillis(250));
        assertThat(events).containsExactly("a@100", "b@200");
        loop.advanceBy(Duration.ofMillis(50));
        assertThat(events).containsExactly("a@100", "b@200", "c@300");
    }

    // ASYNCIO-SEMANTICS §3.8 spec 53. This is OUR stricter promise (TimerHandle's javadoc), not
    // CPython parity: CPython 3.11 ran twenty equal-deadline call_at()s as [0, 2, 6, 14, 13, 19,
    // ...] because its heap compares only `when`. aio4j orders by (when, sequence).
    @Test
    void timersWithEqualDeadlinesRunInTheOrderTheyWereScheduled() {
        long t = loop.time() + Duration.ofSeconds(1).toNanos();
        for (int i = 0; i < 100; i++) {
            int n = i;
            loop.callAt(t, () -> record(n));
            // other deadlines around it, to move the heap about
            loop.callAt(t + (i % 2 == 0 ? 1 : -1) * (i + 1) * 1_000L, () -> {});
        }
        loop.advanceBy(Duration.ofSeconds(2));
        assertThat(events).containsExactlyElementsOf(IntStream.range(0, 100).boxed().toList());
    }

    // ASYNCIO-SEMANTICS §3.8 spec 54 (test_callbacks_invoked_on_set_result)
    @Test
    void futureCallbacksNeverRunInsideSetResultButLaterInRegistrationOrder() {
        Future<Void> f = loop.createFuture();
        f.addDoneCallback(x -> record(42));
        f.addDoneCallback(x -> record(17));
        assertThat(events).isEmpty();

        f.setResult(null);
        assertThat(events).as("right after setResult").isEmpty();

        loop.runUntilIdle();
        assertThat(events).containsExactly(42, 17);
    }

    // ASYNCIO-SEMANTICS §3.8 spec 54, inside a task: the callbacks wait for the task to yield.
    @Test
    void futureCallbacksDoNotRunBeforeTheTaskThatCompletedTheFutureYields() {
        run(() -> {
            Future<String> f = Aio.getRunningLoop().createFuture();
            f.addDoneCallback(x -> record("callback 1"));
            f.addDoneCallback(x -> record("callback 2"));
            f.setResult("x");
            record("after setResult");
            Aio.sleep(Duration.ZERO);
            record("after yield");
        });
        assertThat(events).containsExactly("after setResult", "callback 1", "callback 2", "after yield");
    }

    // ASYNCIO-SEMANTICS §3.8 spec 55 (test_default_exc_handler_callback, test_set_exc_handler_custom)
    @Test
    void callbackThatThrowsIsReportedWithItsHandleAndTheLoopKeepsRunning() {
        RuntimeException soonBoom = new IllegalStateException("soon");
        RuntimeException laterBoom = new IllegalStateException("later");
        Handle soon = loop.callSoon(() -> {
            throw soonBoom;
        });
        loop.callSoon(() -> record("next callback"));
        TimerHandle later = loop.callLater(Duration.ofSeconds(1), () -> {
            throw laterBoom;
        });
        loop.callLater(Duration.ofSeconds(2), () -> record("next timer"));

        loop.advanceBy(Duration.ofSeconds(3));

        assertThat(events).containsExactly("next callback", "next timer");
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0).message()).startsWith("Exception in callback");
        assertThat(reports.get(0).exception()).isSameAs(soonBoom);
        assertThat(reports.get(0).handle()).isSameAs(soon);
        assertThat(reports.get(1).message()).startsWith("Exception in callback");
        assertThat(reports.get(1).exception()).isSameAs(laterBoom);
        assertThat(reports.get(1).handle()).isSameAs(later);
    }

    // ASYNCIO-SEMANTICS §3.8 spec 55: a done-callback that throws is reported, and the other
    // callbacks of the same future still run.
    @Test
    void doneCallbackThatThrowsIsReportedAndTheFuturesOtherCallbacksStillRun() {
        Error broke = new AssertionError("callback broke");
        Future<String> f = loop.createFuture();
        f.addDoneCallback(x -> record("first"));
        f.addDoneCallback(x -> {
            throw broke;
        });
        f.addDoneCallback(x -> record("third"));
        f.setResult("done");
        loop.runUntilIdle();

        assertThat(events).containsExactly("first", "third");
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.message()).startsWith("Exception in callback");
            assertThat(r.exception()).isSameAs(broke);
            assertThat(r.handle()).isNotNull();
        });
    }

    // ASYNCIO-SEMANTICS §3.8 spec 56 (test_set_exc_handler_broken)
    @Test
    void exceptionHandlerThatThrowsIsLoggedAndTheLoopSurvives() throws ReflectiveOperationException {
        RuntimeException handlerBoom = new IllegalStateException("handler broke");
        loop.setExceptionHandler((l, context) -> {
            reports.add(context);
            throw handlerBoom;
        });
        RuntimeException callbackBoom = new IllegalArgumentException("callback broke");
        loop.callSoon(() -> {
            throw callbackBoom;
        });
        loop.callSoon(() -> record("survived"));
        loop.callLater(Duration.ofSeconds(1), () -> record("still running"));
        loop.advanceBy(Duration.ofSeconds(1));

        assertThat(events).containsExactly("survived", "still running");
        assertThat(reports).singleElement().satisfies(r -> assertThat(r.exception()).isSameAs(callbackBoom));
        assertThat(log.text())
                .contains("Unhandled error in exception handler", "handler broke")
                .as("the original report is logged too")
                .contains("Exception in callback", "callback broke");
    }

    // ASYNCIO-SEMANTICS §3.8 spec 56 (test_default_exc_handler_broken): a broken default handler
    // is logged, alone or behind a broken custom handler, and the loop survives both.
    @Test
    void brokenDefaultExceptionHandlerIsLoggedAndTheLoopSurvives() throws ReflectiveOperationException {
        loop.close();
        List<ExceptionContext> seenByDefault = Collections.synchronizedList(new ArrayList<>());
        loop = new VirtualTimeLoop(LoopOptions.defaults().withName("broken-default"), true) {
            @Override
            public void defaultExceptionHandler(ExceptionContext context) {
                seenByDefault.add(context);
                throw new IllegalStateException("spam");
            }
        };
        ArithmeticException zeroDivision = new ArithmeticException("/ by zero");

        // no custom handler: the default one breaks
        loop.callSoon(() -> {
            throw zeroDivision;
        });
        loop.callSoon(() -> record("survived the default handler"));
        loop.runUntilIdle();
        assertThat(events).containsExactly("survived the default handler");
        assertThat(log.text()).contains("Exception in default exception handler", "spam");

        // a custom handler breaks, and then the default one that reports it
        log.clear();
        seenByDefault.clear();
        loop.setExceptionHandler((l, context) -> {
            throw new IllegalStateException("ham");
        });
        loop.callSoon(() -> {
            throw zeroDivision;
        });
        loop.callSoon(() -> record("survived both handlers"));
        loop.runUntilIdle();
        assertThat(events).containsExactly("survived the default handler", "survived both handlers");
        assertThat(log.text()).contains(
                "Exception in default exception handler while handling an unexpected error in a custom exception handler");
        assertThat(seenByDefault).first().satisfies(c -> {
            assertThat(c.message()).isEqualTo("Unhandled error in exception handler");
            assertThat(c.exception()).hasMessage("ham");
        });
    }

    // ASYNCIO-SEMANTICS §3.8 spec 57 (test_default_exc_handler_coro, test_error_in_call_soon).
    // Java has no reliable GC hook, so both reports come when the loop closes.
    @Test
    void closingTheLoopReportsUnretrievedExceptionsAndPendingTasks() {
        IOException lost = new IOException("nobody looks");
        Task<Void> failed = loop.createTask(() -> {
            throw lost;
        }, "failed");
        Task<Void> looked = loop.createTask(() -> {
            throw new IOException("someone looks");
        }, "looked");
        Task<Void> awaited = loop.createTask(() -> {
            throw new IllegalStateException("awaited");
        }, "awaited");
        Task<Void> awaiter = loop.createTask(() -> {
            try {
                await(awaited);
            } catch (IllegalStateException expected) {
                record("awaiter caught it");
            }
            return null;
        }, "awaiter");
        Task<Void> cancelled = loop.createTask(() -> {
            Aio.sleep(Duration.ofSeconds(1));
            return null;
        }, "cancelled");
        Future<Void> never = loop.createFuture();
        Task<Void> pending = loop.createTask(() -> {
            return await(never);
        }, "pending");
        loop.runUntilIdle();
        cancelled.cancel();
        loop.runUntilIdle();
        assertThat(looked.exception()).hasMessage("someone looks");
        assertThat(awaiter.done()).isTrue();
        assertThat(reports).as("nothing is reported before close").isEmpty();

        loop.close();

        assertThat(events).containsExactly("awaiter caught it");
        assertThat(reports).hasSize(2);
        assertThat(reports).anySatisfy(r -> {
            assertThat(r.message()).isEqualTo("Task exception was never retrieved");
            assertThat(r.exception()).isSameAs(lost);
            assertThat(r.task()).isSameAs(failed);
            assertThat(r.future()).isSameAs(failed);
        });
        assertThat(reports).anySatisfy(r -> {
            assertThat(r.message()).isEqualTo("Task was destroyed but it is pending!");
            assertThat(r.task()).isSameAs(pending);
            assertThat(r.exception()).isNull();
        });
        assertThat(cancelled.cancelled()).isTrue();
    }
}
