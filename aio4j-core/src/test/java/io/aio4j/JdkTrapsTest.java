package io.aio4j;

import static io.aio4j.Aio.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aio4j.EventLoop.SchedulingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Traps of running tasks as virtual threads on the loop, where the JDK's own virtual threads meet
 * ours: its socket pollers, and virtual threads a task starts itself. Real threads throughout;
 * every wait is bounded and nothing asserts on speed.
 */
class JdkTrapsTest extends LoopTest {
    private static final String FAST_PATH_FLAG = "--add-opens=java.base/java.lang=ALL-UNNAMED";
    /** The child JVM does a few bounded socket reads; this bounds the whole child. */
    private static final long CHILD_TIMEOUT_SECONDS = 60;

    private static boolean loopScheduler() {
        return EventLoop.schedulingMode() == SchedulingMode.LOOP_SCHEDULER;
    }

    /** The carrier's name, from a mounted virtual thread's own {@code toString()}: "...@carrier". */
    private static String carrierOf(String virtualThreadToString) {
        return virtualThreadToString.substring(virtualThreadToString.lastIndexOf('@') + 1);
    }

    // ------------------------------------------------------------------ (a) the JDK's socket pollers

    // Trap (a): the JDK starts its socket pollers lazily, as virtual threads on Linux, at the
    // JVM's first blocking socket read; born inside a task they would inherit the loop as their
    // scheduler, and every later blocking read in the JVM would need that loop to run. JdkPollers
    // starts them from a platform thread first. Only a fresh JVM has not read from a socket yet, so
    // this runs PollerTrapMain in a child JVM, in both scheduling modes whichever mode this JVM is
    // in, with the loop closed before the later read and (the case only JdkPollers covers: a closed
    // loop's continuations go to an orphan carrier, a stopped one's wait in its queue) stopped.
    @ParameterizedTest(name = "fast path flag: {0}, loop {1}")
    @CsvSource({"true, closed", "true, stopped", "false, closed", "false, stopped"})
    void aBlockingReadOnAPlainVirtualThreadCompletesAfterTheLoopThatDidTheJvmsFirstReadIsDone(
            boolean fastPath, String scenario, @TempDir Path dir) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.add("-Xss1m");
        if (fastPath) {
            command.add(FAST_PATH_FLAG);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(PollerTrapMain.class.getName());
        command.add(scenario);
        Path output = dir.resolve("child-output.txt");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean exited;
        try {
            exited = child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } finally {
            if (child.isAlive()) {
                child.destroyForcibly().waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(exited).as("child JVM finished in time; its output:%n%s", out).isTrue();
        assertThat(child.exitValue()).as("child JVM's exit code; its output:%n%s", out).isZero();
        String mode = fastPath ? SchedulingMode.LOOP_SCHEDULER.name() : SchedulingMode.BATON.name();
        assertThat(out).contains("mode=" + mode, "read in a task: x", "read on a plain virtual thread: x", "OK")
                .contains(scenario.equals("closed") ? "loop closed" : "loop stopped, still open");
    }

    // ------------------------------------------------------------------ (b) virtual threads a task starts

    // Trap (b), LOOP_SCHEDULER: Thread.ofVirtual() inside a task makes a thread that inherits the
    // task's scheduler, the loop, so it runs on the loop's carrier, one piece at a time with the
    // loop's code, without being a task.
    @Test
    void inLoopSchedulerModeAVirtualThreadStartedInATaskRunsOnTheLoopsCarrier() {
        assumeTrue(loopScheduler(), "LOOP_SCHEDULER only: in BATON mode it runs on the JDK's default scheduler (next test)");
        AtomicReference<String> seen = new AtomicReference<>();
        AtomicReference<Task<?>> taskSeen = new AtomicReference<>();
        String loopThreadName = run(() -> {
            Thread inner = Thread.ofVirtual().name("inner").start(() -> {
                seen.set(Thread.currentThread().toString());
                taskSeen.set(Aio.currentTask());
            });
            assertThat(inner.join(Duration.ofSeconds(10))).as("inner thread finished").isTrue();
            return loop.owner().getName();
        });
        assertThat(seen.get()).startsWith("VirtualThread[#").contains(",inner]").endsWith("@" + loopThreadName);
        assertThat(taskSeen.get()).as("the inherited thread is not a task").isNull();
    }

    // Trap (b), BATON: the loop cannot lend its scheduler through public APIs, so a virtual thread
    // a task starts runs on the JDK's default scheduler, beside the loop, not on its carrier.
    @Test
    void inBatonModeAVirtualThreadStartedInATaskRunsOnTheJdksDefaultScheduler() {
        assumeTrue(!loopScheduler(), "BATON only: in LOOP_SCHEDULER mode it inherits the loop (previous test)");
        AtomicReference<String> seen = new AtomicReference<>();
        String taskCarrier = run(() -> {
            Thread inner = Thread.ofVirtual().name("inner").start(() -> seen.set(Thread.currentThread().toString()));
            assertThat(inner.join(Duration.ofSeconds(10))).as("inner thread finished").isTrue();
            return carrierOf(Thread.currentThread().toString());
        });
        // The task's own carrier is a worker of the default scheduler too; the loop thread itself is
        // virtual in this mode, so nothing is carried by it.
        assertThat(carrierOf(seen.get())).startsWith("ForkJoinPool-");
        assertThat(taskCarrier).startsWith("ForkJoinPool-");
    }

    // Trap (b), both modes: a virtual thread a task started may outlive the loop. Once the loop is
    // closed, its continuation cannot run on the loop any more; it must still run (TaskLoop hands
    // it to an orphan carrier), or the thread would hang forever.
    @Test
    void aVirtualThreadStartedInATaskStillFinishesAfterTheLoopClosed() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Thread inner = run(() -> Thread.ofVirtual().name("outliver").start(() -> {
            try {
                if (release.await(10, TimeUnit.SECONDS)) {
                    finished.countDown();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        loop.close();
        release.countDown();
        assertThat(finished.await(10, TimeUnit.SECONDS)).as("the thread ran after its loop closed").isTrue();
        assertThat(inner.join(Duration.ofSeconds(10))).isTrue();
    }

    // Trap (b), LOOP_SCHEDULER: the inherited thread runs on the loop's thread, one piece at a time
    // with the tasks, so it may touch the loop's state directly; but it is not a task, so it cannot
    // suspend through aio4j (Aio.await says so).
    @Test
    void inLoopSchedulerModeAVirtualThreadStartedInATaskMayTouchTheLoopButIsNoTask() {
        assumeTrue(loopScheduler(), "LOOP_SCHEDULER only: the point is that it runs on the loop's carrier");
        AtomicReference<Throwable> awaited = new AtomicReference<>();
        String result = run(() -> {
            Future<String> handedOver = loop.createFuture();
            Thread.ofVirtual().start(() -> {
                try {
                    Aio.await(loop.createFuture());
                } catch (Throwable e) {
                    awaited.set(e);
                }
                loop.callSoon(() -> handedOver.setResult("handed over"));
            });
            return await(handedOver);
        });
        assertThat(result).isEqualTo("handed over");
        assertThat(awaited.get()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not a task of a running event loop");
    }
}
