package io.aio4j.bench;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.LoopSnapshot;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one {@link EventLoop#snapshot()} costs, with its JSON, for a loop of {@code tasks} waiting
 * tasks (half sleeping, half awaiting a future): the price of a monitor's refresh or an
 * {@code aio4j ps}. Most of it is the JDK walking each parked virtual thread's stack. Score = time
 * per snapshot. (The always-on bookkeeping behind snapshots is measured by the ping-pong
 * benchmarks, run before and after it was added.)
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = BenchLoops.ADD_OPENS)
public class SnapshotBench {
    @Param({"10", "1000"})
    public int tasks;

    private EventLoop loop;
    private Future<Void> release;
    private final List<Task<?>> parked = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() {
        loop = BenchLoops.newLoop();
        release = loop.createFuture();
        loop.runUntilComplete(loop.createTask(() -> {
            for (int i = 0; i < tasks; i++) {
                parked.add(i % 2 == 0 ? Aio.createTask(() -> Aio.sleep(Duration.ofHours(1)), "sleeper-" + i)
                        : Aio.createTask(() -> Aio.await(release), "waiter-" + i));
            }
            Aio.sleep(Duration.ZERO); // every task reaches its wait
            return null;
        }));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        loop.runUntilComplete(loop.createTask(() -> {
            parked.forEach(Task::cancel);
            Aio.gatherReturnExceptions(parked);
            return null;
        }));
        loop.close();
    }

    @Benchmark
    public String snapshotAsJson() {
        LoopSnapshot s = loop.snapshot(); // the loop is idle: taken on this thread
        return s.toJson();
    }
}
