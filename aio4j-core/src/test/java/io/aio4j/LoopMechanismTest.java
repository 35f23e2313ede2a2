package io.aio4j;

import static io.aio4j.Aio.await;
import static io.aio4j.Aio.createTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aio4j.EventLoop.SchedulingMode;
import io.aio4j.internal.loop.SelectorLoop;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The mechanism itself (DESIGN.md: a task is a virtual thread whose scheduler is the loop): all
 * code of a loop runs one piece at a time, on the loop's carrier in LOOP_SCHEDULER mode, and a
 * JDK call that parks a virtual thread (a blocking socket read, {@code Thread.sleep}) parks only
 * its task there, while in BATON mode it holds the baton, and so the loop, until it returns.
 *
 * <p>Cross-thread wake-ups cost one {@code Selector.wakeup()} per sleep of the loop at most, and
 * none while it is awake ({@link SelectorLoop#wakeupCount()} counts them).
 *
 * <p>The socket, sleep and wake-up tests use real threads (the JDK's pollers and unparker wake the
 * task; other threads hand callbacks over), but assert only on the order of events and on counts,
 * which the mechanism fixes, never on speed.
 */
class LoopMechanismTest extends LoopTest {
    /** Bound on every real wait, so a broken mechanism fails the test instead of hanging it. */
    private static final int TIMEOUT_MILLIS = 10_000;

    private static boolean loopScheduler() {
        return EventLoop.schedulingMode() == SchedulingMode.LOOP_SCHEDULER;
    }

    /** The carrier's name, from a virtual thread's own {@code toString()}: "...@carrier". */
    private static String carrierName() {
        String s = Thread.currentThread().toString();
        return s.substring(s.lastIndexOf('@') + 1);
    }

    /** A few microseconds of work that neither parks nor yields. */
    private static void busy() {
        long deadline = System.nanoTime() + 20_000;
        while (System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    // ------------------------------------------------------------------ one piece at a time

    // Spec: tasks and callbacks of one loop never run at the same time, in either mode. In BATON
    // mode tasks are on different carriers, so only the baton keeps them apart.
    @Test
    void tasksAndCallbacksOfOneLoopNeverOverlap() {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        AtomicInteger pieces = new AtomicInteger();
        Runnable piece = () -> {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            busy();
            pieces.incrementAndGet();
            inside.decrementAndGet();
        };
        run(() -> {
            List<Task<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tasks.add(createTask(() -> {
                    for (int step = 0; step < 10; step++) {
                        piece.run();
                        Aio.getRunningLoop().callSoon(piece);
                        Aio.sleep(Duration.ZERO);
                    }
                }));
            }
            for (Task<Void> t : tasks) {
                await(t);
            }
        });
        assertThat(pieces).hasValue(8 * 10 * 2);
        assertThat(mostInside).as("pieces of loop code running at once").hasValue(1);
    }

    // Spec (LOOP_SCHEDULER): every task step is a continuation run by the loop itself, so task code
    // and callbacks all run on one platform thread, the loop's.
    @Test
    void inLoopSchedulerModeEveryTaskStepAndCallbackRunsOnTheLoopsOwnThread() {
        assumeTrue(loopScheduler(), "LOOP_SCHEDULER only: in BATON mode tasks run on the JDK's default scheduler");
        Set<String> carriers = ConcurrentHashMap.newKeySet();
        Set<Thread> callbackThreads = ConcurrentHashMap.newKeySet();
        Thread loopThread = run(() -> {
            List<Task<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                tasks.add(createTask(() -> {
                    for (int step = 0; step < 3; step++) {
                        carriers.add(carrierName());
                        Aio.getRunningLoop().callSoon(() -> callbackThreads.add(Thread.currentThread()));
                        Aio.sleep(Duration.ofMillis(10)); // virtual time: the timer resumes the task
                    }
                }));
            }
            for (Task<Void> t : tasks) {
                await(t);
            }
            return loop.owner();
        });
        assertThat(loopThread.isVirtual()).isFalse();
        assertThat(carriers).containsExactly(loopThread.getName());
        assertThat(callbackThreads).containsExactly(loopThread);
    }

    // Spec (BATON): the loop runs on a virtual thread of its own and passes a baton; task code
    // runs on its own virtual thread, carried by the JDK's default scheduler, never by the loop.
    @Test
    void inBatonModeTheLoopRunsOnAVirtualThreadAndTasksOnTheirOwn() {
        assumeTrue(!loopScheduler(), "BATON only: in LOOP_SCHEDULER mode the loop is a platform thread");
        Thread[] threads = run(() -> {
            Thread task = Thread.currentThread();
            Thread[] callback = new Thread[1];
            Future<Void> ran = loop.createFuture();
            loop.callSoon(() -> {
                callback[0] = Thread.currentThread();
                ran.setResult(null);
            });
            await(ran);
            return new Thread[] {loop.owner(), task, callback[0]};
        });
        assertThat(threads[0].isVirtual()).as("loop thread is virtual").isTrue();
        assertThat(threads[1].isVirtual()).as("task thread is virtual").isTrue();
        assertThat(threads[1]).isNotSameAs(threads[0]);
        assertThat(threads[2]).as("callbacks run on the loop thread").isSameAs(threads[0]);
    }

    // ------------------------------------------------------------------ Thread.sleep

    // Trap (c), LOOP_SCHEDULER: Thread.sleep in a task parks its virtual thread; the loop runs the
    // other ready task meanwhile, and the JDK's unparker hands the continuation back to the loop.
    @Test
    void inLoopSchedulerModeThreadSleepInATaskParksItWhileOtherTasksRun() {
        assumeTrue(loopScheduler(), "LOOP_SCHEDULER only: in BATON mode Thread.sleep holds the baton (next test)");
        run(() -> {
            Task<Void> sleeper = createTask(() -> {
                record("sleeper sleeps");
                Thread.sleep(20);
                record("sleeper wakes");
            });
            Task<Void> other = createTask(() -> record("other runs"));
            await(sleeper);
            await(other);
        });
        assertThat(events).containsExactly("sleeper sleeps", "other runs", "sleeper wakes");
    }

    // Trap (c), BATON, documented on SchedulingMode.BATON: a JDK-blocking call (Thread.sleep) holds
    // the baton until it returns, like time.sleep inside an asyncio coroutine.
    @Test
    void inBatonModeThreadSleepInATaskHoldsTheLoopUntilItReturns() {
        assumeTrue(!loopScheduler(), "BATON only: in LOOP_SCHEDULER mode Thread.sleep parks the task (previous test)");
        run(() -> {
            Task<Void> sleeper = createTask(() -> {
                record("sleeper sleeps");
                Thread.sleep(20);
                record("sleeper wakes");
            });
            Task<Void> other = createTask(() -> record("other runs"));
            await(sleeper);
            await(other);
        });
        assertThat(events).containsExactly("sleeper sleeps", "sleeper wakes", "other runs");
    }

    // ------------------------------------------------------------------ blocking socket reads

    /** A connected pair of plain JDK sockets on 127.0.0.1, made on the calling platform thread. */
    private static final class SocketPair implements AutoCloseable {
        final ServerSocket server;
        final Socket client;
        final Socket accepted;

        SocketPair() throws IOException {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
            accepted = server.accept();
            client.setSoTimeout(TIMEOUT_MILLIS); // a broken wake-up fails the test, never hangs it
        }

        @Override
        public void close() throws IOException {
            try (server; client; accepted) {
                // closes all three
            }
        }
    }

    // Trap (d), LOOP_SCHEDULER: a blocking read on a JDK socket inside a task parks its virtual
    // thread (the JDK's poller watches the socket); another task runs and writes the byte the
    // reader waits for, and the poller's wake-up resumes the reader on the loop.
    @Test
    void inLoopSchedulerModeABlockingSocketReadInATaskParksItWhileOtherTasksRun() throws IOException {
        assumeTrue(loopScheduler(), "LOOP_SCHEDULER only: in BATON mode the read holds the baton (next test)");
        try (SocketPair pair = new SocketPair()) {
            run(() -> {
                Task<Integer> reader = createTask(() -> {
                    InputStream in = pair.client.getInputStream();
                    record("reader reads");
                    int b = in.read();
                    record("reader got " + (char) b);
                    return b;
                });
                Task<Void> writer = createTask(() -> {
                    record("writer writes");
                    pair.accepted.getOutputStream().write('x');
                });
                await(writer);
                return await(reader);
            });
        }
        assertThat(events).containsExactly("reader reads", "writer writes", "reader got x");
    }

    // Trap (d), BATON: the same read holds the baton. The other task cannot run (so it cannot be
    // the writer); a platform thread writes once the reader is parked in the read, and the other
    // task runs only after the read returned.
    @Test
    void inBatonModeABlockingSocketReadInATaskHoldsTheLoopUntilItReturns() throws Exception {
        assumeTrue(!loopScheduler(), "BATON only: in LOOP_SCHEDULER mode the read parks the task (previous test)");
        try (SocketPair pair = new SocketPair()) {
            CountDownLatch aboutToRead = new CountDownLatch(1);
            Thread[] readerThread = new Thread[1];
            Thread writer = Thread.ofPlatform().name("socket-writer").start(() -> {
                try {
                    assertThat(aboutToRead.await(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
                    awaitWaiting(readerThread[0]);
                    record("platform thread writes");
                    pair.accepted.getOutputStream().write('x');
                } catch (Exception e) {
                    record(e);
                }
            });
            try {
                run(() -> {
                    Task<Integer> reader = createTask(() -> {
                        InputStream in = pair.client.getInputStream();
                        record("reader reads");
                        readerThread[0] = Thread.currentThread();
                        aboutToRead.countDown();
                        int b = in.read();
                        record("reader got " + (char) b);
                        return b;
                    });
                    Task<Void> other = createTask(() -> record("other runs"));
                    await(other);
                    return await(reader);
                });
            } finally {
                writer.join(TIMEOUT_MILLIS);
            }
        }
        assertThat(events).containsExactly("reader reads", "platform thread writes", "reader got x", "other runs");
    }

    /** Waits, bounded, until {@code t} is parked (its read waits for the poller). */
    private static void awaitWaiting(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        while (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING) {
            assertThat(System.nanoTime()).as("reader never parked in its read").isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    // ------------------------------------------------------------------ cross-thread wake-ups

    /**
     * Waits, bounded, until the loop thread is blocked in its selector with nothing to do: its
     * stack shows the selector's {@code doSelect}. The loop marks itself asleep before it selects,
     * so from then on the next cross-thread hand-over must wake it.
     */
    private static void awaitAsleepInSelect(SelectorLoop loop) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        while (true) {
            Thread owner = loop.owner();
            if (owner != null && Arrays.stream(owner.getStackTrace())
                    .anyMatch(e -> e.getMethodName().equals("doSelect") && e.getClassName().startsWith("sun.nio.ch."))) {
                return;
            }
            assertThat(System.nanoTime()).as("the loop never went to sleep in its selector").isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    /**
     * Hands {@code count} callbacks to the loop from the calling thread while it sleeps; the first
     * holds the loop (awake) until the burst is over, so the loop cannot go back to sleep in the
     * middle of it. Returns how many selector wake-ups the burst cost, once all of it has run.
     */
    private static int burstWhileAsleep(SelectorLoop loop, int count, AtomicInteger ran) throws InterruptedException {
        awaitAsleepInSelect(loop);
        CountDownLatch burstDone = new CountDownLatch(1);
        int before = loop.wakeupCount();
        loop.callSoonThreadsafe(() -> {
            try {
                assertThat(burstDone.await(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ran.incrementAndGet();
        });
        for (int i = 2; i < count; i++) {
            loop.callSoonThreadsafe(ran::incrementAndGet);
        }
        CountDownLatch burstRan = new CountDownLatch(1);
        loop.callSoonThreadsafe(() -> {
            ran.incrementAndGet();
            burstRan.countDown();
        });
        int cost = loop.wakeupCount() - before;
        burstDone.countDown();
        // Once the burst has run, the next time the loop is seen in its selector is a new sleep.
        assertThat(burstRan.await(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)).as("the burst ran").isTrue();
        return cost;
    }

    // Spec (EventLoop.callSoonThreadsafe): waking a sleeping loop costs one Selector.wakeup() per
    // sleep, however many callbacks other threads hand over meanwhile; the first waker flips the
    // loop's "awake" flag, and the others see it. Real threads and a real selector; bounded waits.
    @Test
    void aBurstOfCrossThreadCallbacksWakesASleepingLoopOnce() throws Exception {
        SelectorLoop real = (SelectorLoop) EventLoop.create(LoopOptions.defaults().withName("sleeper"));
        AtomicInteger ran = new AtomicInteger();
        Thread loopThread = Thread.ofPlatform().name("sleeper-runner").start(real::runForever);
        try {
            assertThat(burstWhileAsleep(real, 100, ran)).as("wake-ups for the first burst").isEqualTo(1);
            assertThat(burstWhileAsleep(real, 100, ran)).as("wake-ups for the second burst, after another sleep")
                    .isEqualTo(1);
        } finally {
            real.callSoonThreadsafe(real::stop);
            loopThread.join(TIMEOUT_MILLIS);
            assertThat(loopThread.isAlive()).as("loop thread still running").isFalse();
            real.close();
        }
        assertThat(ran).hasValue(200);
    }

    // Spec (EventLoop.callSoonThreadsafe): a loop that is awake (running a callback, here) is
    // woken by nobody: other threads only queue their callbacks, which the loop takes in on its
    // next iteration.
    @Test
    void crossThreadCallbacksToALoopThatIsAwakeCostNoWakeup() throws Exception {
        SelectorLoop real = (SelectorLoop) EventLoop.create(LoopOptions.defaults().withName("awake"));
        AtomicInteger ran = new AtomicInteger();
        try {
            Future<Integer> costOfBurst = real.createFuture();
            real.callSoon(() -> {
                // The loop thread is busy in this callback: the loop is awake.
                int before = real.wakeupCount();
                Thread other = Thread.ofPlatform().name("burster").start(() -> {
                    for (int i = 0; i < 100; i++) {
                        real.callSoonThreadsafe(ran::incrementAndGet);
                    }
                });
                try {
                    assertThat(other.join(Duration.ofMillis(TIMEOUT_MILLIS))).as("burster finished").isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                int cost = real.wakeupCount() - before;
                real.callSoonThreadsafe(() -> costOfBurst.setResult(cost)); // after the burst, FIFO
            });
            assertThat(real.runUntilComplete(costOfBurst)).as("wake-ups while awake").isZero();
            assertThat(ran).as("every handed-over callback ran before the result").hasValue(100);
        } finally {
            real.close();
        }
    }

    // An interrupted thread's Selector.select returns at once. The loop clears the flag for each
    // wait and sets it again after, so an interrupted loop thread sleeps instead of spinning, and
    // code on the loop still sees the flag. Real time: 50 ms of spinning would be thousands of selects.
    @Test
    void anInterruptedLoopThreadSleepsInSelectAndKeepsItsFlag() {
        SelectorLoop real = (SelectorLoop) EventLoop.create(LoopOptions.defaults().withName("interrupted"));
        try {
            Future<Boolean> flagSeen = real.createFuture();
            real.callSoon(() -> {
                Thread.currentThread().interrupt();
                real.callLater(Duration.ofMillis(50), () -> flagSeen.setResult(Thread.currentThread().isInterrupted()));
            });
            int before = real.sleepCount();
            assertThat(real.runUntilComplete(flagSeen)).as("the flag is still set after the wait").isTrue();
            assertThat(real.sleepCount() - before).as("selects while the flag was set").isLessThan(10);
        } finally {
            real.close();
        }
    }
}
