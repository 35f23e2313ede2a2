package io.aio4j.bench;

import io.aio4j.EventLoop;
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
 * Cold figures: the first 100,000 spawns (or round trips) in a fresh JVM on a fresh loop, with no
 * warm-up, so class loading, interpretation and JIT compilation all count. Each fork measures one
 * shot; forks are averaged. Score = time per task (or per round trip); invert it for a rate.
 *
 * <p>Run with the annotations' settings, e.g. {@code -f 5 -wi 0 -i 1}: a command line that adds
 * warm-up iterations turns these into warm figures.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 5, jvmArgsAppend = BenchLoops.ADD_OPENS)
public class ColdBench {
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
    public int spawn() {
        int n = Workloads.spawn(loop, Workloads.N);
        Workloads.check(n, Workloads.N, "tasks finished");
        return n;
    }

    @Benchmark
    @OperationsPerInvocation(Workloads.N)
    public int pingPong() {
        int trips = Workloads.pingPong(loop, Workloads.N);
        Workloads.check(trips, Workloads.N, "round trips");
        return trips;
    }
}
