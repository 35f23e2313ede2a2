package io.aio4j.bench;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * {@code gather} of 100,000 tasks that each yield once and return their index: the spawn workload
 * collected through one gathering future instead of 100,000 awaits. Score = tasks/s. Runs on the
 * sized heap of {@link BenchLoops#SIZED_HEAP}, like {@code SpawnBench.spawnSizedHeap}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchLoops.ADD_OPENS, "-Xms3g", "-Xmx3g", "-Xmn2g", "-XX:+AlwaysPreTouch"})
public class GatherBench {
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
    public int gather() {
        int n = loop.runUntilComplete(loop.createTask(() -> {
            List<Task<Integer>> tasks = new ArrayList<>(Workloads.N);
            for (int i = 0; i < Workloads.N; i++) {
                int index = i;
                tasks.add(Aio.createTask(() -> {
                    Aio.sleep(Duration.ZERO);
                    return index;
                }));
            }
            List<Integer> results = Aio.gather(tasks);
            return results.get(Workloads.N - 1) + 1;
        }));
        Workloads.check(n, Workloads.N, "results gathered");
        return n;
    }
}
