package io.aio4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Task;
import io.aio4j.net.Net;
import io.aio4j.net.Server;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** {@code @AioTest}, run through JUnit's engine test kit on the examples below. */
class AioTestExtensionTest {

    /** The tests the kit runs; a static nested class, so surefire does not run it by itself. */
    static class Examples {
        static volatile long sleptVirtualNanos = -1;
        static volatile boolean ranInATask;

        @AioTest
        void runsAsATask() {
            ranInATask = Aio.currentTask() != null && Aio.currentTask().name().equals("test runsAsATask");
            Aio.sleep(Duration.ofMillis(5));
        }

        @AioTest(virtualTime = true)
        void sleepsOnVirtualTime(TestLoop loop) {
            long start = loop.time();
            Aio.sleep(Duration.ofHours(2));
            sleptVirtualNanos = loop.time() - start;
        }

        @AioTest
        void leavesATaskRunning() {
            Aio.createTask(() -> Aio.sleep(Duration.ofHours(1)), "leaker");
            Aio.sleep(Duration.ZERO);
        }

        @AioTest
        void leavesAServerOpen() throws IOException {
            Server server = Net.startServer((r, w) -> { }, "127.0.0.1", 0);
            assertThat(server.sockets()).isNotEmpty();
        }

        @AioTest
        void failsAnAssertion() {
            Aio.sleep(Duration.ZERO);
            assertThat(1).as("one").isEqualTo(2);
        }

        @AioTest
        void throwsACheckedException() throws IOException {
            throw new IOException("disk on fire");
        }

        @AioTest
        void wantsATestLoopWithoutVirtualTime(TestLoop loop) {
        }

        @AioTest
        void getsItsEventLoop(EventLoop loop) {
            assertThat(Aio.getRunningLoop()).isSameAs(loop);
            Task<Integer> t = loop.createTask(() -> 42);
            assertThat(Aio.await(t)).isEqualTo(42);
        }
    }

    static EngineExecutionResults run(String method, Class<?>... parameterTypes) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectMethod(Examples.class, method, parameterTypes)).execute();
    }

    static Optional<Throwable> failure(EngineExecutionResults r) {
        List<Event> failed = r.testEvents().failed().list();
        return failed.isEmpty() ? Optional.empty()
                : failed.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class).flatMap(x -> x.getThrowable());
    }

    @Test
    void theBodyRunsAsTheMainTaskOfAFreshLoop() {
        EngineExecutionResults r = run("runsAsATask");
        r.testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(Examples.ranInATask).isTrue();
        assertThat(run("getsItsEventLoop", EventLoop.class).testEvents().succeeded().count()).isEqualTo(1);
    }

    @Test
    void virtualTimeMakesLongSleepsInstant() {
        run("sleepsOnVirtualTime", TestLoop.class).testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(Examples.sleptVirtualNanos).isEqualTo(Duration.ofHours(2).toNanos());
    }

    @Test
    void aTaskLeftRunningFailsTheTestAndIsNamed() {
        EngineExecutionResults r = run("leavesATaskRunning");
        r.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(failure(r)).get().isInstanceOf(AssertionError.class).extracting(Throwable::getMessage).asString()
                .contains("leavesATaskRunning left 1 thing open on its event loop")
                .containsPattern("task #\\d+ 'leaker' WAITING, waiting for sleep, \\d+\\.\\d s left, at io\\.aio4j\\.testing\\.");
    }

    @Test
    void aServerLeftOpenFailsTheTest() {
        EngineExecutionResults r = run("leavesAServerOpen");
        r.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(failure(r)).get().extracting(Throwable::getMessage).asString()
                .contains("leavesAServerOpen left").contains("open ").contains("127.0.0.1");
    }

    @Test
    void failuresOfTheBodyComeOutAsThrown() {
        assertThat(failure(run("failsAnAssertion"))).get().isInstanceOf(AssertionError.class)
                .extracting(Throwable::getMessage).asString().contains("[one]");
        assertThat(failure(run("throwsACheckedException"))).get().isInstanceOf(IOException.class)
                .hasFieldOrPropertyWithValue("message", "disk on fire");
    }

    @Test
    void aTestLoopParameterNeedsVirtualTime() {
        assertThat(failure(run("wantsATestLoopWithoutVirtualTime", TestLoop.class))).get().extracting(Throwable::getMessage)
                .asString().contains("virtualTime = true");
    }
}
