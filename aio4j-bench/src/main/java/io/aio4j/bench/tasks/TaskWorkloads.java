package io.aio4j.bench.tasks;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.queue.Queue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The task workloads of {@code bench/run-all.sh}, for aio4j and for the JDK's own virtual threads,
 * in the shapes of {@code bench/tasks.py} (asyncio, uvloop) and the kotlinx anchor:
 * <ul>
 *   <li>{@code spawn}: 100,000 tasks that each yield once, gathered;</li>
 *   <li>{@code pingpong}: 200,000 round trips between two tasks through two unbounded queues;</li>
 *   <li>{@code sleep}: 100,000 tasks that each sleep 1 s, gathered; wall time and RSS per task.</li>
 * </ul>
 * {@code java -cp benchmarks.jar io.aio4j.bench.tasks.TaskWorkloads SYSTEM WORKLOAD RUNS}, SYSTEM
 * {@code aio4j} or {@code jdk-vt} (run it with {@code -Djdk.virtualThreadScheduler.parallelism=1}
 * to keep it to one core, as the others are). One {@code RESULT} line per run; run 1 is cold.
 */
public final class TaskWorkloads {
    static final int TASKS = 100_000;
    static final int ROUND_TRIPS = 200_000;

    private TaskWorkloads() {}

    /**
     * Runs a workload.
     *
     * @param args system, workload, runs
     * @throws Exception if a run fails
     */
    public static void main(String[] args) throws Exception {
        String system = args[0];
        String workload = args[1];
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        for (int run = 1; run <= runs; run++) {
            String result = switch (system) {
                case "aio4j" -> Aio.run(() -> aio4j(workload));
                case "jdk-vt" -> jdk(workload);
                default -> throw new IllegalArgumentException("unknown system " + system);
            };
            System.out.println("RESULT system=" + system + " workload=" + workload + " run=" + run + " " + result);
        }
    }

    private static String aio4j(String workload) throws Exception {
        switch (workload) {
            case "spawn" -> {
                long start = System.nanoTime();
                List<Task<Void>> tasks = new ArrayList<>(TASKS);
                for (int i = 0; i < TASKS; i++) {
                    tasks.add(Aio.createTask(() -> Aio.sleep(Duration.ZERO)));
                }
                Aio.gather(tasks);
                return rate(TASKS, start, "tasks/s");
            }
            case "pingpong" -> {
                Queue<Integer> ping = Queue.create();
                Queue<Integer> pong = Queue.create();
                long start = System.nanoTime();
                Task<Void> other = Aio.createTask(() -> {
                    for (int i = 0; i < ROUND_TRIPS; i++) {
                        pong.put(ping.get());
                    }
                });
                for (int i = 0; i < ROUND_TRIPS; i++) {
                    ping.put(i);
                    pong.get();
                }
                Aio.await(other);
                return rate(ROUND_TRIPS, start, "round-trips/s");
            }
            case "sleep" -> {
                long before = rss();
                long start = System.nanoTime();
                List<Task<Void>> tasks = new ArrayList<>(TASKS);
                for (int i = 0; i < TASKS; i++) {
                    tasks.add(Aio.createTask(() -> Aio.sleep(Duration.ofSeconds(1))));
                }
                Aio.sleep(Duration.ZERO); // every task has started and sleeps
                long during = rss();
                Aio.gather(tasks);
                return wall(start, before, during);
            }
            default -> throw new IllegalArgumentException("unknown workload " + workload);
        }
    }

    private static String jdk(String workload) throws Exception {
        switch (workload) {
            case "spawn" -> {
                long start = System.nanoTime();
                List<Thread> threads = new ArrayList<>(TASKS);
                for (int i = 0; i < TASKS; i++) {
                    threads.add(Thread.ofVirtual().start(Thread::yield));
                }
                for (Thread t : threads) {
                    t.join();
                }
                return rate(TASKS, start, "tasks/s");
            }
            case "pingpong" -> {
                LinkedBlockingQueue<Integer> ping = new LinkedBlockingQueue<>();
                LinkedBlockingQueue<Integer> pong = new LinkedBlockingQueue<>();
                long start = System.nanoTime();
                Thread other = Thread.ofVirtual().start(() -> {
                    try {
                        for (int i = 0; i < ROUND_TRIPS; i++) {
                            pong.put(ping.take());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                Thread self = Thread.ofVirtual().start(() -> {
                    try {
                        for (int i = 0; i < ROUND_TRIPS; i++) {
                            ping.put(i);
                            pong.take();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                self.join();
                other.join();
                return rate(ROUND_TRIPS, start, "round-trips/s");
            }
            case "sleep" -> {
                long before = rss();
                long start = System.nanoTime();
                List<Thread> threads = new ArrayList<>(TASKS);
                for (int i = 0; i < TASKS; i++) {
                    threads.add(Thread.ofVirtual().start(() -> {
                        try {
                            Thread.sleep(1000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }));
                }
                long during = rss();
                for (Thread t : threads) {
                    t.join();
                }
                return wall(start, before, during);
            }
            default -> throw new IllegalArgumentException("unknown workload " + workload);
        }
    }

    private static String rate(int n, long start, String unit) {
        return String.format(Locale.ROOT, "value=%.0f unit=%s", n / ((System.nanoTime() - start) / 1e9), unit);
    }

    private static String wall(long start, long rssBefore, long rssDuring) {
        return String.format(Locale.ROOT, "value=%.0f unit=ms rss_per_task=%d", (System.nanoTime() - start) / 1e6,
                (rssDuring - rssBefore) / TASKS);
    }

    /** The process's resident set, from /proc (Linux). */
    static long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return 0;
    }
}
