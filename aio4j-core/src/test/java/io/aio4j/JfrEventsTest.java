package io.aio4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The JFR events: a task's creation and life, and the watchdog's blocked-loop findings by kind. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JfrEventsTest extends LoopTest {

    static List<RecordedEvent> record(Path dir, Runnable body) throws Exception {
        try (Recording r = new Recording()) {
            r.enable("io.aio4j.TaskCreated");
            r.enable("io.aio4j.TaskEnded");
            r.enable("io.aio4j.BlockedLoop");
            r.start();
            body.run();
            r.stop();
            Path file = dir.resolve("events.jfr");
            r.dump(file);
            return RecordingFile.readAllEvents(file).stream()
                    .filter(e -> e.getEventType().getName().startsWith("io.aio4j.")).toList();
        } finally {
            Files.deleteIfExists(dir.resolve("events.jfr"));
        }
    }

    @Test
    void tasksRecordTheirCreationAndTheirLife(@TempDir Path dir) throws Exception {
        List<RecordedEvent> events = record(dir, () -> run(() -> {
            Task<Void> a = Aio.createTask(() -> Aio.sleep(Duration.ofMillis(10)), "jfr-a");
            Task<Void> b = Aio.createTask(() -> {
                throw new IllegalStateException("boom");
            }, "jfr-b");
            Aio.gatherReturnExceptions(List.of(a, b));
        }));
        RecordedEvent created = events.stream().filter(e -> e.getEventType().getName().equals("io.aio4j.TaskCreated")
                && e.getString("taskName").equals("jfr-a")).findFirst().orElseThrow();
        assertThat(created.getLong("parentId")).isPositive();
        assertThat(created.getString("loop")).isEqualTo("JfrEventsTest");
        assertThat(events).filteredOn(e -> e.getEventType().getName().equals("io.aio4j.TaskEnded"))
                .extracting(e -> e.getString("taskName") + "=" + e.getString("outcome"))
                .contains("jfr-a=result", "jfr-b=exception");
    }

    @Test
    void theWatchdogRecordsSlowStepsAndBlockedCallbacksApart(@TempDir Path dir) throws Exception {
        loop.setSlowCallbackDuration(Duration.ofMillis(20));
        CountDownLatch callbackReported = new CountDownLatch(1);
        CountDownLatch spinnerReported = new CountDownLatch(1);
        loop.setExceptionHandler((l, context) -> {
            if (context.blockedFor() != null) {
                (context.message().contains("spinner") ? spinnerReported : callbackReported).countDown();
            }
        });
        List<RecordedEvent> events = record(dir, () -> run(() -> {
            loop.callSoon(() -> { // waits in the JDK while it holds the loop, until the watchdog reports it
                try {
                    callbackReported.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Aio.sleep(Duration.ZERO);
            Task<Void> spinner = Aio.createTask(() -> { // computes while it holds the loop
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (spinnerReported.getCount() > 0 && System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
            }, "spinner");
            Aio.await(spinner);
        }));
        assertThat(events).filteredOn(e -> e.getEventType().getName().equals("io.aio4j.BlockedLoop"))
                .extracting(e -> e.getString("kind")).contains("blocked callback", "slow step");
        RecordedEvent slow = events.stream().filter(e -> e.getEventType().getName().equals("io.aio4j.BlockedLoop")
                && e.getString("kind").equals("slow step")).findFirst().orElseThrow();
        assertThat(slow.getString("culprit")).isEqualTo("Task 'spinner'");
        assertThat(slow.getString("stack")).contains("JfrEventsTest");
        assertThat(slow.getDuration("blockedFor")).isGreaterThanOrEqualTo(Duration.ofMillis(20));
    }
}
