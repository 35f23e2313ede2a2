package io.aio4j;

import static io.aio4j.Aio.await;
import static io.aio4j.Aio.createTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The blocked-loop watchdog: when one callback or task step holds the loop thread longer than the
 * loop's threshold, it is reported while it is still happening, from the watchdog's thread,
 * through the exception handler and {@link System.Logger}, with the culprit's name and current
 * stack.
 *
 * <p>Every blocking step here waits for something only the report itself releases (a latch, a
 * volatile flag), so a test is deterministic and ends as soon as the report arrives; the waits are
 * bounded (10 s) so a missing report fails the test instead of hanging it.
 */
class WatchdogTest extends LoopTest {
    private static final Duration THRESHOLD = Duration.ofMillis(20);
    private static final long TIMEOUT_SECONDS = 10;

    /** Opened by the watchdog's report in the class-initialiser test; one use per JVM. */
    private static final CountDownLatch INITIALISER_GATE = new CountDownLatch(1);

    /** Blocked-loop reports only, in arrival order. */
    private final List<ExceptionContext> blocked = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setThreshold() {
        loop.setSlowCallbackDuration(THRESHOLD);
    }

    /**
     * Installs a handler that keeps every report, and runs {@code onBlocked} for a blocked-loop
     * report about {@code culprit}. Reports about other steps (a first step slowed by class loading
     * on a busy machine, say) are kept but do not release anything, so they cannot disturb the story.
     */
    private void onBlockedLoop(Predicate<ExceptionContext> culprit, Runnable onBlocked) {
        loop.setExceptionHandler((l, context) -> {
            reports.add(context);
            if (context.blockedFor() != null && culprit.test(context)) {
                blocked.add(context);
                record("reported on " + Thread.currentThread().getName());
                onBlocked.run();
            }
        });
    }

    /** Whether the report's stack (the culprit's) runs {@code method}. */
    private static Predicate<ExceptionContext> stackRuns(String method) {
        return context -> context.exception() != null && methodsOf(context.exception()).contains(method);
    }

    private static List<String> methodsOf(Throwable e) {
        return Arrays.stream(e.getStackTrace()).map(StackTraceElement::getMethodName).toList();
    }

    // ------------------------------------------------------------------ callbacks

    /** The culprit of the callback test: a callback stuck on a latch. Its name must show in the report. */
    private void waitForTheWatchdog(CountDownLatch latch, AtomicBoolean inside) {
        inside.set(true);
        try {
            record("released: " + latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inside.set(false);
        }
    }

    // Spec: a callback blocked on a latch is reported through the exception handler, from the
    // watchdog thread, while it is still blocked: the handler itself releases it.
    @Test
    void aCallbackBlockedOnALatchIsReportedWhileItIsStillBlocked() {
        CountDownLatch latch = new CountDownLatch(1);
        AtomicBoolean inside = new AtomicBoolean();
        onBlockedLoop(stackRuns("waitForTheWatchdog"), () -> {
            record("still blocked: " + inside.get());
            latch.countDown();
        });
        run(() -> {
            Future<Void> ran = loop.createFuture();
            loop.callSoon(() -> {
                waitForTheWatchdog(latch, inside);
                ran.setResult(null);
            });
            await(ran);
        });
        assertThat(events).containsExactly("reported on aio4j-watchdog", "still blocked: true", "released: true");
        ExceptionContext report = blocked.getFirst();
        assertThat(report.blockedFor()).isGreaterThanOrEqualTo(THRESHOLD);
        assertThat(report.handle()).as("the blocking callback").isNotNull();
        assertThat(report.task()).isNull();
        assertThat(report.message()).contains("callback", "has blocked event loop '" + loop.name() + "'");
        assertThat(report.exception()).isInstanceOfSatisfying(BlockedLoopException.class, e -> {
            assertThat(e.getMessage()).isEqualTo(report.message());
            assertThat(e.blockedFor()).isEqualTo(report.blockedFor());
            assertThat(methodsOf(e)).as("the culprit's stack").contains("waitForTheWatchdog");
        });
    }

    // ------------------------------------------------------------------ task steps

    private volatile boolean spinnerReleased;

    /** The culprit of the task test: CPU-bound work that never waits. */
    private void spinUntilReleased() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!spinnerReleased && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        record("released: " + spinnerReleased);
    }

    // Spec: a task step that spins on the loop is reported with the task, its name and its current
    // stack (in LOOP_SCHEDULER mode the step is the task's continuation, in BATON mode the baton
    // hand-off; both name the task).
    @Test
    void aTaskSpinningOnTheLoopIsReportedWithItsNameAndItsCurrentStack() {
        onBlockedLoop(stackRuns("spinUntilReleased"), () -> spinnerReleased = true);
        Task<?> spinner = run(() -> {
            Task<Object> t = createTask(() -> {
                spinUntilReleased();
                return null;
            }, "spinner");
            await(t);
            return t;
        });
        assertThat(events).containsExactly("reported on aio4j-watchdog", "released: true");
        ExceptionContext report = blocked.getFirst();
        assertThat(report.task()).isSameAs(spinner);
        assertThat(report.future()).isSameAs(spinner);
        assertThat(report.handle()).isNull();
        assertThat(report.message()).contains("'spinner'", "has blocked event loop");
        assertThat(report.exception()).isInstanceOfSatisfying(BlockedLoopException.class, e -> {
            assertThat(e.culprit()).contains("'spinner'");
            assertThat(methodsOf(e)).as("the task's stack").contains("spinUntilReleased");
        });
    }

    // ------------------------------------------------------------------ class initialisers

    /** A class whose initialiser waits: touching it first runs {@code static {}} in the caller. */
    static final class InitialiserThatWaits {
        static final boolean OPENED;

        static {
            boolean opened;
            try {
                opened = INITIALISER_GATE.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                opened = false;
            }
            OPENED = opened;
        }

        private InitialiserThatWaits() {}
    }

    // Trap (f): a task that waits inside a class initialiser pins its carrier (the VM runs
    // static {} in a native frame), which in LOOP_SCHEDULER mode is the loop thread; in BATON mode
    // it holds the baton. Either way the loop is stuck, and the report names the class.
    @Test
    void aTaskWaitingInsideAStaticInitialiserIsReportedWithTheClassName() {
        onBlockedLoop(stackRuns("<clinit>"), INITIALISER_GATE::countDown);
        boolean opened = run(() -> await(createTask(() -> InitialiserThatWaits.OPENED, "initialiser")));
        assertThat(opened).as("the report opened the gate").isTrue();
        ExceptionContext report = blocked.getFirst();
        assertThat(report.message()).contains("'initialiser'",
                "static initialiser of " + InitialiserThatWaits.class.getName());
        assertThat(methodsOf(report.exception())).contains("<clinit>");
    }

    // ------------------------------------------------------------------ System.Logger

    // Spec: the report also goes to System.Logger "io.aio4j" at WARNING, with the culprit's stack
    // as the thrown exception, also when no exception handler is set. The callback stays blocked
    // until the warning shows in the log. System.Logger's default backend is java.util.logging;
    // the tests are compiled into module io.aio4j, which does not read java.logging, so the capture
    // handler is attached reflectively (at run time the tests are on the class path).
    @Test
    void withNoHandlerSetTheReportGoesToSystemLoggerAtWarning() throws Exception {
        loop.setExceptionHandler(null);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        JulCapture capture = new JulCapture("io.aio4j", captured);
        try {
            run(() -> {
                Future<Boolean> ran = loop.createFuture();
                loop.callSoon(() -> ran.setResult(waitForTheWarning(capture, captured)));
                assertThat(await(ran)).as("the warning was logged while the callback was blocked").isTrue();
            });
        } finally {
            capture.close();
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("WARNING: callback", "has blocked event loop '" + loop.name() + "'",
                BlockedLoopException.class.getName(), "waitForTheWarning");
        assertThat(reports).isEmpty();
    }

    /** The culprit of the logging test: a callback that blocks until the warning is in the log. */
    private static boolean waitForTheWarning(JulCapture capture, ByteArrayOutputStream captured) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            capture.flush();
            if (captured.toString(StandardCharsets.UTF_8).contains("waitForTheWarning(")) { // its own report's stack
                return true;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /**
     * A {@code java.util.logging.StreamHandler} with a {@code SimpleFormatter} on one logger,
     * through reflection, with the logger's parent handlers off meanwhile.
     */
    private static final class JulCapture implements AutoCloseable {
        private final Object logger;
        private final Object handler;
        private final boolean useParentHandlers;
        private final Class<?> loggerClass;
        private final Class<?> handlerClass;

        JulCapture(String name, OutputStream out) throws ReflectiveOperationException {
            loggerClass = Class.forName("java.util.logging.Logger");
            handlerClass = Class.forName("java.util.logging.Handler");
            Class<?> formatterClass = Class.forName("java.util.logging.Formatter");
            Object formatter = Class.forName("java.util.logging.SimpleFormatter").getConstructor().newInstance();
            handler = Class.forName("java.util.logging.StreamHandler").getConstructor(OutputStream.class, formatterClass)
                    .newInstance(out, formatter);
            logger = loggerClass.getMethod("getLogger", String.class).invoke(null, name);
            useParentHandlers = (boolean) loggerClass.getMethod("getUseParentHandlers").invoke(logger);
            loggerClass.getMethod("addHandler", handlerClass).invoke(logger, handler);
            loggerClass.getMethod("setUseParentHandlers", boolean.class).invoke(logger, false);
        }

        void flush() {
            try {
                handlerClass.getMethod("flush").invoke(handler);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws ReflectiveOperationException {
            loggerClass.getMethod("removeHandler", handlerClass).invoke(logger, handler);
            loggerClass.getMethod("setUseParentHandlers", boolean.class).invoke(logger, useParentHandlers);
            handlerClass.getMethod("close").invoke(handler);
        }
    }

    // ------------------------------------------------------------------ threshold

    // Spec: Duration.ZERO turns the watchdog off. The callback waits a bounded real time for a
    // latch nobody opens, far past the 20 ms threshold it would otherwise break.
    @Test
    void aLoopWhoseWatchdogIsOffReportsNothing() {
        loop.setSlowCallbackDuration(Duration.ZERO);
        CountDownLatch never = new CountDownLatch(1);
        run(() -> {
            Future<Boolean> waited = loop.createFuture();
            loop.callSoon(() -> {
                try {
                    waited.setResult(never.await(5 * THRESHOLD.toMillis(), TimeUnit.MILLISECONDS));
                } catch (InterruptedException e) {
                    waited.setException(e);
                }
            });
            assertThat(await(waited)).isFalse();
        });
        assertThat(reports).isEmpty();
    }

    // Spec (EventLoop.setSlowCallbackDuration, LoopOptions): 1 s by default, 100 ms in debug mode,
    // null restores the default for the current debug mode, a negative threshold is refused.
    @Test
    void theThresholdDefaultsToOneSecondOrAHundredMillisecondsInDebugMode() {
        try (EventLoop plain = EventLoop.create(LoopOptions.defaults().withDebug(false))) {
            assertThat(plain.slowCallbackDuration()).isEqualTo(Duration.ofSeconds(1));
            plain.setDebug(true);
            assertThat(plain.slowCallbackDuration()).isEqualTo(Duration.ofMillis(100));
            plain.setSlowCallbackDuration(THRESHOLD);
            assertThat(plain.slowCallbackDuration()).isEqualTo(THRESHOLD);
            plain.setSlowCallbackDuration(null);
            assertThat(plain.slowCallbackDuration()).isEqualTo(Duration.ofMillis(100));
            assertThatThrownBy(() -> plain.setSlowCallbackDuration(Duration.ofMillis(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
