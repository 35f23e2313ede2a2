package io.aio4j.bench;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.EventLoop;
import io.aio4j.Task;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Memory per parked task: N tasks each sleeping an hour. Measures the heap in use (after full
 * GCs) and the process's resident set (VmRSS) before and after, and prints the deltas per task.
 * Not a JMH benchmark: one fresh JVM.
 *
 * <p>Usage: {@code java --add-opens java.base/java.lang=ALL-UNNAMED -cp benchmarks.jar
 * io.aio4j.bench.ParkedTaskMemory [tasks]} (default 100,000). Warm-up rounds of 20,000 tasks
 * ({@code -Daio4j.bench.warmupRounds}, default 5) load and compile the code first, so neither
 * class loading nor interpreted frames count; then {@code -Daio4j.bench.rounds} (default 3) measured
 * rounds park and cancel N tasks each, and the median counts. The last line is machine-readable:
 * {@code RESULT tasks=... heapBytesPerTask=... [rssBytesPerTask=...]}, RSS only without warm-up
 * (after it the heap is already committed).
 *
 * <p>The heap figure covers the task objects, their futures and timers and the parked virtual
 * threads' stack chunks (which live in the heap). RSS also sees heap the GC had to commit, so it
 * depends on the collector and heap sizing; read it as an upper bound.
 */
public final class ParkedTaskMemory {
    private static final Duration LONG = Duration.ofHours(1);
    private static final int WARMUP_ROUNDS = Integer.getInteger("aio4j.bench.warmupRounds", 5);
    private static final int WARMUP_TASKS = 20_000;
    private static final int MEASURED_ROUNDS = Integer.getInteger("aio4j.bench.rounds", 3);

    private ParkedTaskMemory() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        Aio.run(() -> {
            EventLoop.SchedulingMode mode = EventLoop.schedulingMode();
            System.out.println("scheduling mode: " + mode);
            if (mode != EventLoop.SchedulingMode.LOOP_SCHEDULER && !Boolean.getBoolean("aio4j.bench.allowBaton")) {
                throw new IllegalStateException("aio4j runs in " + mode + " mode; run with " + BenchLoops.ADD_OPENS
                        + " (or -Daio4j.bench.allowBaton=true)");
            }

            // Warm-up: load everything a parked task touches and let the JIT compile it. A parked
            // virtual thread keeps its frames in a heap stack chunk, and interpreted frames are
            // several times larger than compiled ones, so a cold run overstates the cost.
            for (int round = 0; round < WARMUP_ROUNDS; round++) {
                cancelAll(park(new Task<?>[WARMUP_TASKS]));
            }
            Aio.sleep(Duration.ofMillis(500)); // let queued compilations finish

            // Warm: several measured rounds, reported by their median, since a round that parks
            // while a compilation is still pending (likely on a loaded machine) reads high. Cold:
            // only the first round means anything.
            int rounds = WARMUP_ROUNDS == 0 ? 1 : Math.max(1, MEASURED_ROUNDS);
            double[] heapPerTask = new double[rounds];
            Task<?>[] tasks = new Task<?>[n]; // allocated before the baseline: not part of the cost
            Snapshot before = null;
            Snapshot after = null;
            for (int round = 0; round < rounds; round++) {
                before = Snapshot.take();
                park(tasks);
                after = Snapshot.take();
                heapPerTask[round] = (after.heapBytes - before.heapBytes) / (double) n;
                cancelAll(tasks);
                Arrays.fill(tasks, null);
            }
            double[] sorted = heapPerTask.clone();
            Arrays.sort(sorted);
            double heap = sorted[rounds / 2];
            double rssPerTask = (after.rssBytes - before.rssBytes) / (double) n;
            System.out.printf(Locale.ROOT, "parked tasks:   %,d (all sleeping %s)%n", n, LONG);
            System.out.printf(Locale.ROOT, "heap used:      %,d -> %,d bytes (last round)%n", before.heapBytes,
                    after.heapBytes);
            System.out.printf(Locale.ROOT, "VmRSS:          %,d -> %,d bytes (last round)%n", before.rssBytes,
                    after.rssBytes);
            StringBuilder each = new StringBuilder();
            for (double h : heapPerTask) {
                each.append(each.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", h));
            }
            System.out.printf(Locale.ROOT, "heap per task:  %.0f bytes (%.2f KiB)%s%n", heap, heap / 1024,
                    rounds > 1 ? " median of " + rounds + " rounds: " + each + " bytes" : "");
            if (WARMUP_ROUNDS == 0) {
                System.out.printf(Locale.ROOT, "RSS per task:   %.0f bytes (%.2f KiB)%n", rssPerTask, rssPerTask / 1024);
                System.out.printf(Locale.ROOT, "RESULT tasks=%d heapBytesPerTask=%.1f rssBytesPerTask=%.1f%n",
                        n, heap, rssPerTask);
            } else {
                // The warm-up rounds grew and committed the heap already, so VmRSS barely moves (it
                // may even shrink, when a full GC gives memory back): no per-task figure.
                System.out.printf(Locale.ROOT, "RSS per task:   n/a after warm-up (%.0f bytes); run with"
                        + " -Daio4j.bench.warmupRounds=0 for an RSS figure%n", rssPerTask);
                System.out.printf(Locale.ROOT, "RESULT tasks=%d heapBytesPerTask=%.1f%n", n, heap);
            }
        });
    }

    /** Fills {@code tasks} with tasks that sleep an hour, and returns once every one is parked. */
    private static Task<?>[] park(Task<?>[] tasks) {
        for (int i = 0; i < tasks.length; i++) {
            tasks[i] = Aio.createTask(() -> Aio.sleep(LONG));
        }
        // The new tasks are queued ahead of this one: after one yield each has run to its sleep.
        Aio.sleep(Duration.ZERO);
        Aio.sleep(Duration.ZERO);
        for (Task<?> t : tasks) {
            if (t.done()) {
                throw new IllegalStateException("a parked task finished early: " + t);
            }
        }
        return tasks;
    }

    private static void cancelAll(Task<?>[] tasks) {
        for (Task<?> t : tasks) {
            t.cancel();
        }
        for (Task<?> t : tasks) {
            try {
                Aio.await(t);
            } catch (CancelledError expected) {
                // that is what we asked for
            }
        }
    }

    private record Snapshot(long heapBytes, long rssBytes) {
        static Snapshot take() throws IOException {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            return new Snapshot(heap, vmRssBytes());
        }

        private static long vmRssBytes() throws IOException {
            Path status = Path.of("/proc/self/status");
            if (!Files.exists(status)) {
                return 0; // not Linux: RSS per task reads 0
            }
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.trim().split("\\s+"); // "VmRSS:  123456 kB"
                    return Long.parseLong(parts[1]) * 1024;
                }
            }
            return 0;
        }
    }
}
