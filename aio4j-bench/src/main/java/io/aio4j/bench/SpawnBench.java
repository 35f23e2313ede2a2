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
 * Warm spawn-and-finish: a main task creates 100,000 tasks that each {@code sleep(ZERO)} once and
 * return, then awaits them all. Score = tasks/s (target: at least 1,000,000).
 *
 * <p>{@link #spawn()} runs on the JVM's default heap, where young collections copy 100,000 parked
 * virtual threads mid-run and fresh young-generation pages fault on first touch; that is what most
 * programs see. {@link #spawnSizedHeap()} is the same workload with a fixed, pre-touched heap
 * ({@link BenchLoops#SIZED_HEAP}), which measures aio4j rather than the collector.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = BenchLoops.ADD_OPENS)
public class SpawnBench {
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
    @Fork(value = 1, jvmArgsAppend = {BenchLoops.ADD_OPENS, "-Xms3g", "-Xmx3g", "-Xmn2g", "-XX:+AlwaysPreTouch"})
    public int spawnSizedHeap() {
        return spawn();
    }
}
