package io.aio4j.bench;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Task;
import io.aio4j.sync.Semaphore;
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
 * {@code Semaphore} with 10,000 waiters: 10,000 tasks wait on {@code Semaphore(0)}, then 10,000
 * releases wake them all, one permit each, in FIFO order. Score = wake-ups/s, task creation and
 * parking included (each op is one task spawned, parked, handed a permit and finished).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = BenchLoops.ADD_OPENS)
public class SemaphoreBench {
    static final int WAITERS = 10_000;
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
    @OperationsPerInvocation(WAITERS)
    public int wakeTenThousandWaiters() {
        int woken = loop.runUntilComplete(loop.createTask(() -> {
            Semaphore sem = Semaphore.create(0);
            int[] count = {0};
            @SuppressWarnings("unchecked")
            Task<Void>[] tasks = new Task[WAITERS];
            for (int i = 0; i < WAITERS; i++) {
                tasks[i] = Aio.createTask(() -> {
                    sem.acquire();
                    count[0]++;
                });
            }
            Aio.sleep(Duration.ZERO); // every task starts and parks
            for (int i = 0; i < WAITERS; i++) {
                sem.release();
            }
            for (Task<Void> t : tasks) {
                Aio.await(t);
            }
            return count[0];
        }));
        Workloads.check(woken, WAITERS, "wake-ups");
        return woken;
    }
}
