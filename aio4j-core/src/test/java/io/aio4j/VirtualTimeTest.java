package io.aio4j;

import static io.aio4j.Aio.await;
import static io.aio4j.Aio.sleep;
import static io.aio4j.Aio.toThread;
import static io.aio4j.Aio.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How virtual time meets the world outside the loop: an idle loop jumps to its next timer only when
 * nothing it waits for is still running on another thread, or already handed over.
 */
@Timeout(30)
class VirtualTimeTest extends LoopTest {

    @Test
    void theClockDoesNotJumpWhileAToThreadJobIsRunning() {
        CountDownLatch release = new CountDownLatch(1);
        String r = run(() -> {
            Future<String> job = Aio.createTask(() -> toThread(() -> {
                release.await(10, TimeUnit.SECONDS);
                return "done";
            }));
            // Would fire at once if the idle loop jumped past the thread's work.
            loop.callLater(Duration.ofSeconds(5), () -> record("timer"));
            loop.callSoon(() -> Thread.ofPlatform().start(() -> {
                sleepReally(50);
                release.countDown();
            }));
            String v = waitFor(job, Duration.ofSeconds(1));
            record("job " + nowMillis());
            return v;
        });
        assertThat(r).isEqualTo("done");
        assertThat(events).containsExactly("job 0");
    }

    @Test
    void afterTheJobReportsBackTheClockJumpsAgain() {
        run(() -> {
            assertThat(toThread(() -> 42)).isEqualTo(42);
            sleep(Duration.ofSeconds(3));
            record("woke " + nowMillis());
        });
        assertThat(events).containsExactly("woke 3000");
    }

    @Test
    void aStepHandedOverFromAnotherThreadRunsBeforeTheClockJumps() {
        run(() -> {
            Future<String> handed = loop.createFuture();
            Thread t = Thread.ofPlatform().start(() -> loop.callSoonThreadsafe(() -> handed.setResult("now")));
            t.join(10_000);
            // The callback is already in the inbound queue: it must win over the 60 s timer.
            String v = waitFor(handed, Duration.ofSeconds(60));
            record(v + " " + nowMillis());
        });
        assertThat(events).containsExactly("now 0");
    }

    @Test
    void anInterruptedTaskStillWaitsAndKeepsItsInterruptFlag() {
        run(() -> {
            Future<String> later = loop.createFuture();
            loop.callLater(Duration.ofSeconds(2), () -> later.setResult("late"));
            Thread.currentThread().interrupt();
            String v = await(later); // parking must not spin, nor return early
            record(v + " " + nowMillis() + " " + Thread.interrupted());
        });
        assertThat(events).containsExactly("late 2000 true");
    }

    private static void sleepReally(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
