package io.aio4j.bench;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.Task;
import java.time.Duration;

/** The task workloads, shared by the warm (throughput) and cold (single-shot) benchmarks. */
final class Workloads {
    /** Tasks per spawn invocation, round trips per ping-pong invocation. */
    static final int N = 100_000;

    private Workloads() {}

    /**
     * Spawns {@code n} tasks that each yield once ({@code sleep(ZERO)}) and finish, and waits for
     * all of them. Runs the loop until done; returns how many finished.
     */
    static int spawn(EventLoop loop, int n) {
        return loop.runUntilComplete(loop.createTask(() -> {
            @SuppressWarnings("unchecked")
            Task<Void>[] tasks = new Task[n];
            for (int i = 0; i < n; i++) {
                tasks[i] = Aio.createTask(() -> Aio.sleep(Duration.ZERO));
            }
            int finished = 0;
            for (Task<Void> t : tasks) {
                Aio.await(t);
                finished++;
            }
            return finished;
        }));
    }

    /** Two tasks bounce a value through one-shot futures; returns the round trips made. */
    static int pingPong(EventLoop loop, int rounds) {
        return loop.runUntilComplete(loop.createTask(() -> new PingPong(loop, rounds).play()));
    }

    /**
     * Each side owns an inbox future, which it replaces before it sends, so the order in which the
     * loop resumes the two tasks cannot matter. A round trip is two future completions and two task
     * switches.
     */
    private static final class PingPong {
        private final EventLoop loop;
        private final int rounds;
        private Future<Integer> pingInbox;
        private Future<Integer> pongInbox;

        PingPong(EventLoop loop, int rounds) {
            this.loop = loop;
            this.rounds = rounds;
        }

        int play() {
            pongInbox = loop.createFuture();
            Task<Integer> pong = Aio.createTask(() -> {
                int last = -1;
                for (int i = 0; i < rounds; i++) {
                    Future<Integer> inbox = pongInbox;
                    last = Aio.await(inbox);
                    pongInbox = loop.createFuture();
                    pingInbox.setResult(last);
                }
                return last;
            });
            Task<Integer> ping = Aio.createTask(() -> {
                int trips = 0;
                for (int i = 0; i < rounds; i++) {
                    Future<Integer> inbox = loop.createFuture();
                    pingInbox = inbox;
                    int sent = i & 127; // a cached Integer: the benchmark should not measure boxing
                    pongInbox.setResult(sent);
                    if (Aio.await(inbox) == sent) {
                        trips++;
                    }
                }
                return trips;
            });
            int trips = Aio.await(ping);
            Aio.await(pong);
            return trips;
        }
    }

    static void check(int got, int expected, String what) {
        if (got != expected) {
            throw new AssertionError(what + ": " + got + ", expected " + expected);
        }
    }
}
