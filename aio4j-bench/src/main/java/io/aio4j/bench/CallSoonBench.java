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
 * Plain callbacks through the ready queue, no tasks: the loop's floor. Score = callbacks/s.
 *
 * <ul>
 *   <li>{@code chain}: one callback that reschedules itself N times (the queue holds one entry).
 *   <li>{@code batch}: N callbacks scheduled up front, then one run drains them all.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = BenchLoops.ADD_OPENS)
public class CallSoonBench {
    static final int N = 100_000;

    private EventLoop loop;
    private int count;
    private Runnable chainStep;
    private final Runnable batchStep = () -> count++;

    @Setup(Level.Trial)
    public void setUp() {
        loop = BenchLoops.newLoop();
        chainStep = () -> {
            if (++count < N) {
                loop.callSoon(chainStep);
            } else {
                loop.stop();
            }
        };
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        loop.close();
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int chain() {
        count = 0;
        loop.callSoon(chainStep);
        loop.runForever();
        if (count != N) {
            throw new AssertionError("ran " + count + " callbacks, expected " + N);
        }
        return count;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int batch() {
        count = 0;
        for (int i = 0; i < N; i++) {
            loop.callSoon(batchStep);
        }
        loop.stop(); // the run exits after this batch
        loop.runForever();
        if (count != N) {
            throw new AssertionError("ran " + count + " callbacks, expected " + N);
        }
        return count;
    }
}
