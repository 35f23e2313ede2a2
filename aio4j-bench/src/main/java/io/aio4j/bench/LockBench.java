package io.aio4j.bench;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Task;
import io.aio4j.sync.Lock;
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
 * {@code Lock} hand-off under contention: 100 tasks each acquire and release one lock 1,000 times,
 * yielding once ({@code sleep(ZERO)}) while they hold it, so every release finds 99 waiters and
 * hands the lock to the oldest. Score = acquisitions/s; each is one park, one hand-over and two
 * task switches.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = BenchLoops.ADD_OPENS)
public class LockBench {
    static final int TASKS = 100;
    static final int ROUNDS = 1_000;
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
    @OperationsPerInvocation(TASKS * ROUNDS)
    public int contendedHandOff() {
        int acquisitions = loop.runUntilComplete(loop.createTask(() -> {
            Lock lock = Lock.create();
            int[] count = {0};
            @SuppressWarnings("unchecked")
            Task<Void>[] tasks = new Task[TASKS];
            for (int i = 0; i < TASKS; i++) {
                tasks[i] = Aio.createTask(() -> {
                    for (int r = 0; r < ROUNDS; r++) {
                        lock.acquire();
                        try {
                            count[0]++;
                            Aio.sleep(Duration.ZERO);
                        } finally {
                            lock.release();
                        }
                    }
                });
            }
            for (Task<Void> t : tasks) {
                Aio.await(t);
            }
            return count[0];
        }));
        Workloads.check(acquisitions, TASKS * ROUNDS, "acquisitions");
        return acquisitions;
    }
}
