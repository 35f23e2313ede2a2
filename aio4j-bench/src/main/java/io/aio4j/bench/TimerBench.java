package io.aio4j.bench;

import io.aio4j.EventLoop;
import io.aio4j.TimerHandle;
import java.time.Duration;
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
 * Timer churn on the loop's timer queue. Score = timers/s.
 *
 * <ul>
 *   <li>{@code scheduleCancel}: from a callback on the running loop, N timers an hour out are
 *       scheduled and then cancelled (the pattern of timeouts that never fire); the invocation
 *       ends with one more loop iteration, so the queue's clean-up of cancelled timers counts.
 *   <li>{@code fire}: N timers with deadlines spread over the next microsecond, in scrambled
 *       order, all of which fire; the last one stops the loop.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = BenchLoops.ADD_OPENS)
public class TimerBench {
    static final int N = 100_000;
    private static final Duration LONG = Duration.ofHours(1);

    private EventLoop loop;
    private final TimerHandle[] handles = new TimerHandle[N];
    private int fired;
    private Runnable onFire;
    private final Runnable never = () -> {
        throw new AssertionError("a cancelled timer fired");
    };
    private final Runnable scheduleAndCancel = () -> {
        for (int i = 0; i < N; i++) {
            handles[i] = loop.callLater(LONG, never);
        }
        for (int i = 0; i < N; i++) {
            handles[i].cancel();
            handles[i] = null;
        }
        loop.stop();
    };

    @Setup(Level.Trial)
    public void setUp() {
        loop = BenchLoops.newLoop();
        onFire = () -> {
            if (++fired == N) {
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
    public void scheduleCancel() {
        loop.callSoon(scheduleAndCancel);
        loop.runForever();
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int fire() {
        fired = 0;
        long now = loop.time();
        for (int i = 0; i < N; i++) {
            // 7919 is prime, so the offsets 0..999 come in scrambled order.
            loop.callAt(now + (i * 7919L) % 1000, onFire);
        }
        loop.runForever();
        if (fired != N) {
            throw new AssertionError("fired " + fired + " timers, expected " + N);
        }
        return fired;
    }
}
