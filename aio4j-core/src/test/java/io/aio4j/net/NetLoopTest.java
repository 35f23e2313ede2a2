package io.aio4j.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.aio4j.Aio;
import io.aio4j.AsyncCallable;
import io.aio4j.AsyncRunnable;
import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.LoopOptions;
import io.aio4j.Task;
import io.aio4j.internal.loop.SelectorLoop;
import io.aio4j.internal.net.LoopNet;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * Base of the socket tests: a fresh real-time loop per test (sockets do not run on virtual time),
 * its exception handler's reports, and a leak check when a test's main task ends: no other task
 * left, no transport or server of the loop still open ({@link LoopNet#openResources()}). Reports
 * must be taken ({@link #takeReports()}) by the tests that expect them; any other fails the test.
 *
 * <p>Tests wait only for what the OS decides (bytes crossing a socket) and only with
 * {@link #eventually}; everything the loop's order decides is asserted at once.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public abstract class NetLoopTest {
    /** The loop of the current test. */
    protected EventLoop loop;
    /** What the loop reported to its exception handler and no test took yet. */
    protected final List<ExceptionContext> reports = Collections.synchronizedList(new ArrayList<>());
    /** Events recorded by the test, in order. */
    protected final List<Object> events = Collections.synchronizedList(new ArrayList<>());

    /**
     * Makes the loop of one test; a real-time loop by default.
     *
     * @return a new loop
     */
    protected EventLoop newLoop() {
        return EventLoop.create(LoopOptions.defaults().withName(getClass().getSimpleName()));
    }

    @BeforeEach
    final void createLoop() {
        loop = newLoop();
        loop.setExceptionHandler((l, context) -> reports.add(context));
    }

    @AfterEach
    final void closeLoop() {
        loop.close();
        assertThat(reports).as("reports to the loop's exception handler").isEmpty();
    }

    /**
     * Runs {@code body} as the main task until it is done, then checks that it left nothing
     * behind.
     *
     * @param body the test
     * @param <T> its result type
     * @return its result
     */
    protected final <T> T run(AsyncCallable<T> body) {
        return loop.runUntilComplete(loop.createTask(() -> {
            T result = body.call();
            assertNothingLeaked();
            return result;
        }, "main"));
    }

    /**
     * Runs {@code body} as the main task; see {@link #run(AsyncCallable)}.
     *
     * @param body the test
     */
    protected final void run(AsyncRunnable body) {
        run(body.asCallable());
    }

    /** Waits for every other task to end and every transport and server to close. */
    protected static void assertNothingLeaked() {
        Task<?> self = Aio.currentTask();
        eventually(() -> "every task but the main one to end; left: " + Aio.allTasks(),
                () -> Aio.allTasks().equals(Set.of(self)));
        if (Aio.getRunningLoop() instanceof SelectorLoop s) {
            eventually(() -> "every transport and server to close; open: " + LoopNet.of(s).openResources(),
                    () -> LoopNet.of(s).openResources().isEmpty());
        }
    }

    /**
     * Returns the reports so far and forgets them.
     *
     * @return the reports
     */
    protected final List<ExceptionContext> takeReports() {
        synchronized (reports) {
            List<ExceptionContext> r = List.copyOf(reports);
            reports.clear();
            return r;
        }
    }

    /**
     * Waits, yielding to the loop, until {@code condition} holds; fails after 10 s. For what
     * depends on the OS (bytes crossing a socket), never for what the loop's order decides.
     *
     * @param what what is awaited, for the failure message
     * @param condition the condition
     */
    protected static void eventually(String what, BooleanSupplier condition) {
        eventually(() -> what, condition);
    }

    private static void eventually(java.util.function.Supplier<String> what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (int i = 0; !condition.getAsBoolean(); i++) {
            if (System.nanoTime() > deadline) {
                fail("waited 10 s for " + what.get());
            }
            Aio.sleep(i < 1000 ? Duration.ZERO : Duration.ofMillis(1)); // yield first, then stop spinning
        }
    }

    /**
     * Returns the port of a TCP server's first socket.
     *
     * @param server the server
     * @return the port
     */
    protected static int portOf(Server server) {
        return ((InetSocketAddress) server.sockets().get(0)).getPort();
    }

    protected static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    protected static String str(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
