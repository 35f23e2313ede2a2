package io.aio4j.bench;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Task;
import io.aio4j.queue.Queue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ping-pong through two {@link Queue}s: one task puts into the first queue and gets from the
 * second, the other the reverse, 100,000 round trips per invocation. Score = round trips/s
 * (target: at least 3,000,000; asyncio 193k, uvloop 317k, kotlinx channels 3.9M on the reference
 * machine). A round trip is two puts that each wake a waiting getter, and two gets that each wait:
 * the queue's cost on top of {@link PingPongBench}'s bare futures.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = BenchLoops.ADD_OPENS)
public class QueuePingPongBench {
    private EventLoop loop;

    @Setup(Level.Trial)
    public void setUp() {
        loop = BenchLoops.newLoop();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        loop.close();
    }

    @Benchmark
    @OperationsPerInvocation(Workloads.N)
    public int pingPong() {
        int trips = loop.runUntilComplete(loop.createTask(() -> play(Workloads.N)));
        Workloads.check(trips, Workloads.N, "round trips");
        return trips;
    }

    /** Fresh queues per invocation, so a failed invocation cannot leave items for the next. */
    private static int play(int rounds) {
        Queue<Integer> pings = Queue.create();
        Queue<Integer> pongs = Queue.create();
        Task<Void> pong = Aio.createTask(() -> {
            for (int i = 0; i < rounds; i++) {
                pongs.put(pings.get());
            }
        });
        Task<Integer> ping = Aio.createTask(() -> {
            int trips = 0;
            for (int i = 0; i < rounds; i++) {
                Integer sent = i & 127; // a cached Integer: the benchmark should not measure boxing
                pings.put(sent);
                if (pongs.get() == sent) {
                    trips++;
                }
            }
            return trips;
        });
        int trips = Aio.await(ping);
        Aio.await(pong);
        return trips;
    }
}
