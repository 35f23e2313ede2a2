package io.aio4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.net.Connection;
import io.aio4j.net.Net;
import io.aio4j.net.Server;
import io.aio4j.queue.Queue;
import io.aio4j.sync.Lock;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Snapshots of a loop: the task tree, what each task waits for and how long, stacks, counters. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IntrospectionTest extends LoopTest {

    static Map<String, TaskInfo> byName(LoopSnapshot s) {
        return s.tasks().stream().collect(Collectors.toMap(TaskInfo::name, Function.identity()));
    }

    @Test
    void theTreeSaysWhoCreatedWhomWhichGroupOwnsWhichAndWhatEachWaitsFor() {
        LoopSnapshot s = run(() -> {
            Lock lock = Lock.create();
            Queue<String> queue = Queue.create(0);
            Future<String> never = loop.createFuture();
            lock.acquire();
            Task<Void> sleeper = Aio.createTask(() -> Aio.sleep(Duration.ofSeconds(10)), "sleeper");
            Task<?> locker = Aio.createTask(() -> lock.withLock(() -> { }), "locker");
            Task<String> getter = Aio.createTask(() -> queue.get(), "getter");
            Task<String> waiter = Aio.createTask(() -> Aio.await(never), "waiter");
            Task<Void> parent = Aio.createTask(() -> TaskGroup.run(g -> {
                g.createTask(() -> Aio.sleep(Duration.ofSeconds(60)), "child");
            }), "parent");
            Task<Void> joiner = Aio.createTask(() -> {
                Aio.await(sleeper);
            }, "joiner");
            Aio.sleep(Duration.ofSeconds(3)); // everyone reaches its wait; virtual time moves 3 s
            LoopSnapshot snap = loop.snapshot();
            List<Task<?>> all = List.of(sleeper, locker, getter, waiter, parent, joiner);
            for (Task<?> t : all) {
                t.cancel();
            }
            lock.release();
            Aio.gatherReturnExceptions(all);
            return snap;
        });
        Map<String, TaskInfo> t = byName(s);
        TaskInfo main = s.roots().get(0);
        assertThat(main.state()).isEqualTo(TaskInfo.State.RUNNING);
        assertThat(main.stack()).as("the task taking the snapshot").isEmpty();
        assertThat(s.roots()).hasSize(1);
        assertThat(s.children(main)).extracting(TaskInfo::name)
                .containsExactly("sleeper", "locker", "getter", "waiter", "parent", "joiner");
        assertThat(s.children(t.get("parent"))).extracting(TaskInfo::name).containsExactly("child");

        assertThat(t.get("sleeper").state()).isEqualTo(TaskInfo.State.WAITING);
        assertThat(t.get("sleeper").waitingOn()).isEqualTo("sleep, 7.0 s left");
        assertThat(t.get("sleeper").waited()).isEqualTo(Duration.ofSeconds(3));
        assertThat(t.get("locker").waitingOn()).startsWith("Lock.acquire <Lock");
        assertThat(t.get("getter").waitingOn()).startsWith("Queue.get ");
        assertThat(t.get("waiter").waitingOn()).isEqualTo("<Future pending>");
        assertThat(t.get("joiner").waitingOn()).isEqualTo("task 'sleeper' (#" + t.get("sleeper").id() + ")");
        assertThat(t.get("child").group()).matches("TaskGroup-\\d+ of 'parent'");
        assertThat(t.get("child").waitingOn()).isEqualTo("sleep, 57.0 s left");
        assertThat(t.get("parent").group()).isNull();
        assertThat(t.get("parent").waitingOn()).matches("TaskGroup-\\d+ of 'parent': its children to end");
        assertThat(t.get("sleeper").stack()).isNotEmpty();
        assertThat(t.get("sleeper").stack().get(0).getClassName()).as("the caller of Aio.sleep, not aio4j's machinery")
                .startsWith("io.aio4j.IntrospectionTest");
        assertThat(s.complete()).isTrue();
        assertThat(s.statistics().tasks()).isEqualTo(8);
        assertThat(s.statistics().timersPending()).isGreaterThanOrEqualTo(2);

        String tree = s.toTree();
        assertThat(tree).contains("└── #" + main.id() + " " + main.name() + " [RUNNING]")
                .contains("#" + t.get("child").id() + " child [WAITING 3.0 s] in TaskGroup-")
                .contains("    │   └── #" + t.get("child").id());
        String json = s.toJson();
        assertThat(json).startsWith("{\"loop\":\"IntrospectionTest\",\"loopId\":" + loop.id())
                .contains("\"name\":\"sleeper\",\"state\":\"WAITING\"")
                .contains("\"waitingOn\":\"sleep, 7.0 s left\",\"waited\":3000");
    }

    @Test
    void aTaskReadingASocketSaysFromWhom() throws Exception {
        loop.close(); // sockets need real time: a loop of the system clock on a thread of its own
        EventLoop real = EventLoop.create(LoopOptions.defaults().withName("real"));
        CompletableFuture<LoopSnapshot> seen = new CompletableFuture<>();
        Thread runner = Thread.ofPlatform().start(() -> real.runUntilComplete(real.createTask(() -> {
            Server server = Net.startServer((r, w) -> r.read(-1), "127.0.0.1", 0);
            int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
            try (Connection c = Net.openConnection("127.0.0.1", port)) {
                Task<byte[]> reader = Aio.createTask(() -> c.reader().readLine(), "reader");
                Aio.sleep(Duration.ofMillis(50));
                seen.complete(real.snapshot());
                reader.cancel();
            } finally {
                server.close();
                server.closeClients();
                server.waitClosed();
            }
            return null;
        })));
        LoopSnapshot s = seen.get(10, TimeUnit.SECONDS);
        runner.join();
        real.close();
        assertThat(byName(s).get("reader").waitingOn()).matches("readUntil from /127\\.0\\.0\\.1:\\d+"); // readLine reads until a newline
        assertThat(s.statistics().channels()).isGreaterThanOrEqualTo(2);
        assertThat(s.statistics().ioEvents()).isPositive();
    }

    @Test
    void anotherThreadGetsTheLoopsOwnSnapshotOrAReadFromOutsideWhenTheLoopIsBlocked() throws Exception {
        loop.close();
        EventLoop real = EventLoop.create(LoopOptions.defaults().withName("busy"));
        CompletableFuture<Void> release = new CompletableFuture<>();
        CompletableFuture<Void> blocking = new CompletableFuture<>();
        Thread runner = Thread.ofPlatform().start(() -> real.runUntilComplete(real.createTask(() -> {
            Task<Void> idle = Aio.createTask(() -> Aio.sleep(Duration.ofHours(1)), "idle");
            Aio.sleep(Duration.ofMillis(20));
            real.callSoon(() -> {
                blocking.complete(null);
                release.join(); // a callback that blocks the loop
            });
            Aio.sleep(Duration.ofMillis(20));
            idle.cancel();
            return null;
        })));
        assertThat(EventLoop.liveLoops()).contains(real);
        blocking.get(10, TimeUnit.SECONDS);
        LoopSnapshot outside = real.snapshot();
        release.complete(null);
        runner.join();
        assertThat(outside.complete()).isFalse();
        assertThat(outside.tasks()).extracting(TaskInfo::name).contains("idle");
        assertThat(outside.toTree()).contains("read from outside");
        real.close();
        assertThat(EventLoop.liveLoops()).doesNotContain(real);
    }

    @Test
    void statisticsCountTheLoopsWork() {
        LoopStatistics before = run(() -> loop.snapshot().statistics());
        run(() -> {
            for (int i = 0; i < 10; i++) {
                Aio.sleep(Duration.ZERO);
            }
        });
        LoopStatistics after = run(() -> loop.snapshot().statistics());
        assertThat(after.iterations() - before.iterations()).isGreaterThanOrEqualTo(10);
        assertThat(after.callbacks() - before.callbacks()).isGreaterThanOrEqualTo(10);
        assertThat(after.tasks()).isEqualTo(1);
    }

    @Test
    void taskIdsAreUniqueAndInCreationOrder() {
        run(() -> {
            Task<Void> a = Aio.createTask(() -> { });
            Task<Void> b = Aio.createTask(() -> { }, "b");
            assertThat(b.id()).isGreaterThan(a.id());
            assertThat(Aio.currentTask().id()).isLessThan(a.id());
            Aio.await(a);
            Aio.await(b);
        });
    }
}
