package io.aio4j.net.multiloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.EventLoop;
import io.aio4j.internal.loop.SelectorLoop;
import io.aio4j.internal.net.LoopNet;
import io.aio4j.net.MultiLoopServer;
import io.aio4j.net.Protocol;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.Transport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class MultiLoopServerTest {
    private final List<MultiLoopServer> started = new ArrayList<>();
    private final List<Socket> clients = new ArrayList<>();

    @AfterEach
    void closeEverything() throws IOException {
        for (Socket s : clients) {
            s.close();
        }
        for (MultiLoopServer s : started) {
            s.shutdown(Duration.ZERO);
            s.close();
        }
    }

    private MultiLoopServer track(MultiLoopServer s) {
        started.add(s);
        return s;
    }

    /** Echoes lines until EOF, counting its connection on the loop it runs on. */
    private static MultiLoopServer lineEcho(int loops, Map<String, AtomicInteger> perLoop) throws IOException {
        return MultiLoopServer.start(loops, (reader, writer) -> {
            perLoop.computeIfAbsent(Aio.getRunningLoop().name(), k -> new AtomicInteger()).incrementAndGet();
            byte[] line;
            while ((line = reader.readLine()).length > 0) {
                writer.write(line);
                writer.drain();
            }
        }, "127.0.0.1", 0, ServerOptions.defaults());
    }

    private Socket connect(int port) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(10_000);
        clients.add(s);
        return s;
    }

    private static String roundTrip(Socket s, String line) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        return in.readLine();
    }

    /** Runs {@code body} on {@code loop}'s thread and returns its result. */
    private static <T> T onLoop(EventLoop loop, Supplier<T> body) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        loop.callSoonThreadsafe(() -> {
            try {
                f.complete(body.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(10, TimeUnit.SECONDS);
    }

    private static List<AutoCloseable> openResources(EventLoop loop) throws Exception {
        return onLoop(loop, () -> LoopNet.of((SelectorLoop) loop).openResources());
    }

    private static List<String> liveThreadsOf(MultiLoopServer server) {
        List<String> names = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith(server.name() + "-")) {
                names.add(t.getName());
            }
        }
        return names;
    }

    // ============================================================ spreading

    @Test
    void connectionsSpreadOverSeveralLoops() throws Exception {
        Map<String, AtomicInteger> perLoop = new ConcurrentHashMap<>();
        MultiLoopServer server = track(lineEcho(4, perLoop));
        int clientsCount = 64; // all on one of 4 loops by chance: 4 * (1/4)^64
        for (int i = 0; i < clientsCount; i++) {
            assertThat(roundTrip(connect(server.port()), "hello " + i)).isEqualTo("hello " + i);
        }
        assertThat(perLoop.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(clientsCount);
        assertThat(perLoop.keySet()).as("loops that served a connection: %s", perLoop)
                .hasSizeGreaterThan(1)
                .allSatisfy(n -> assertThat(n).startsWith(server.name() + "-loop-"));
    }

    @Test
    void eachLoopRunsOnAThreadOfItsOwn() throws Exception {
        MultiLoopServer server = track(lineEcho(3, new ConcurrentHashMap<>()));
        assertThat(server.loops()).hasSize(3).allSatisfy(l -> assertThat(l.isRunning()).isTrue());
        assertThat(server.loops()).extracting(EventLoop::name)
                .containsExactly(server.name() + "-loop-0", server.name() + "-loop-1", server.name() + "-loop-2");
        assertThat(liveThreadsOf(server)).contains(server.name() + "-loop-0", server.name() + "-loop-1",
                server.name() + "-loop-2");
        assertThat(server.isServing()).isTrue();
        assertThat(server.toString()).contains(server.name(), "loops=3", "serving");
    }

    @Test
    void protocolFactoryServesOnEveryLoop() throws Exception {
        Map<String, AtomicInteger> perLoop = new ConcurrentHashMap<>();
        MultiLoopServer server = track(MultiLoopServer.create(2, () -> new Protocol() {
            private Transport transport;

            @Override
            public void connectionMade(Transport t) {
                transport = t;
                perLoop.computeIfAbsent(t.loop().name(), k -> new AtomicInteger()).incrementAndGet();
            }

            @Override
            public void dataReceived(ByteBuffer data) {
                transport.write(data);
            }
        }, "127.0.0.1", 0, ServerOptions.defaults()));
        for (int i = 0; i < 32; i++) {
            assertThat(roundTrip(connect(server.port()), "p" + i)).isEqualTo("p" + i);
        }
        assertThat(perLoop.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(32);
        assertThat(perLoop).hasSize(2); // all 32 on one of 2 loops: 2 * (1/2)^32
    }

    // ============================================================ ports

    @Test
    void portZeroBindsEveryLoopToThePortTheFirstGot() throws Exception {
        MultiLoopServer server = track(lineEcho(3, new ConcurrentHashMap<>()));
        int port = server.port();
        assertThat(port).isPositive();
        assertThat(server.sockets()).containsExactly(new InetSocketAddress("127.0.0.1", port));
        for (EventLoop loop : server.loops()) {
            List<SocketAddress> listening = onLoop(loop, () -> LoopNet.of((SelectorLoop) loop).openResources().stream()
                    .filter(r -> r instanceof Server).flatMap(r -> ((Server) r).sockets().stream()).toList());
            assertThat(listening).as("listening sockets of %s", loop.name())
                    .containsExactly(new InetSocketAddress("127.0.0.1", port));
        }
    }

    @Test
    void aFixedPortIsSharedByEveryLoop() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        MultiLoopServer server = track(MultiLoopServer.start(2, (r, w) -> {
            w.write(r.readLine());
            w.drain();
        }, "127.0.0.1", port, ServerOptions.defaults()));
        assertThat(server.port()).isEqualTo(port);
        assertThat(roundTrip(connect(port), "fixed")).isEqualTo("fixed");
    }

    @Test
    void aHostNameListensOnEachOfItsAddresses() throws Exception {
        MultiLoopServer server = track(MultiLoopServer.start(2, (r, w) -> {
            w.write(r.readLine());
            w.drain();
        }, "localhost", 0, ServerOptions.defaults()));
        assertThat(server.sockets()).isNotEmpty();
        for (SocketAddress a : server.sockets()) {
            InetSocketAddress isa = (InetSocketAddress) a;
            try (Socket s = new Socket(isa.getAddress(), isa.getPort())) {
                s.setSoTimeout(10_000);
                assertThat(roundTrip(s, "via " + isa)).isEqualTo("via " + isa);
            }
        }
    }

    @Test
    void aPortTakenWithoutReusePortFailsTheStartAndLeavesNothingRunning() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> MultiLoopServer.start(3, (r, w) -> {}, "127.0.0.1", taken.getLocalPort(),
                    ServerOptions.defaults())).isInstanceOf(IOException.class).hasMessageContaining("bind");
        }
        List<String> leftovers = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().matches("aio4j-server-\\d+-loop-\\d+")
                    && started.stream().noneMatch(s -> t.getName().startsWith(s.name() + "-"))) {
                leftovers.add(t.getName());
            }
        }
        assertThat(leftovers).isEmpty();
    }

    @Test
    void badArgumentsAreRefusedBeforeAnyThreadStarts() {
        assertThatThrownBy(() -> MultiLoopServer.start(0, (r, w) -> {}, "127.0.0.1", 0, ServerOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one loop");
        assertThatThrownBy(() -> MultiLoopServer.start(2, (r, w) -> {}, "127.0.0.1", 0,
                ServerOptions.defaults().withStartServing(false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("startServing");
        assertThatThrownBy(() -> MultiLoopServer.start(2, (r, w) -> {}, "127.0.0.1", 70000, ServerOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
    }

    // ============================================================ closing

    @Test
    void closeEndsEveryConnectionLoopAndThreadAndFreesThePort() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        MultiLoopServer server = track(MultiLoopServer.start(3, (reader, writer) -> {
            byte[] line;
            while ((line = reader.readLine()).length > 0) {
                writer.write(line);
                writer.drain();
            }
            events.add("handler saw EOF");
        }, "127.0.0.1", 0, ServerOptions.defaults()));
        int port = server.port();
        List<Socket> open = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Socket s = connect(port);
            assertThat(roundTrip(s, "c" + i)).isEqualTo("c" + i);
            open.add(s);
        }
        // Before closing: each loop holds its listening server and the transports of its clients.
        int transports = 0;
        for (EventLoop loop : server.loops()) {
            List<AutoCloseable> resources = openResources(loop);
            assertThat(resources).as("open on %s", loop.name()).filteredOn(r -> r instanceof Server).hasSize(1);
            transports += resources.size() - 1;
        }
        assertThat(transports).isEqualTo(12);

        server.close();

        assertThat(liveThreadsOf(server)).isEmpty();
        assertThat(server.loops()).allSatisfy(l -> assertThat(l.isClosed()).isTrue());
        assertThat(server.isServing()).isFalse();
        assertThat(server.sockets()).isEmpty();
        assertThat(events).hasSize(12).containsOnly("handler saw EOF");
        for (Socket s : open) {
            assertThat(s.getInputStream().read()).as("the client reads EOF").isEqualTo(-1);
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        assertThat(server.awaitClosed(Duration.ZERO)).isTrue();
        server.close(); // idempotent
    }

    @Test
    void connectionsThatDoNotFinishWithinTheGraceAreAbortedAndTheirHandlersCancelled() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        MultiLoopServer server = track(MultiLoopServer.start(2, (reader, writer) -> {
            writer.write(new byte[8 << 20]); // more than the client will ever read: close() cannot flush it
            events.add("written");
            try {
                Aio.sleep(Duration.ofHours(1));
            } catch (CancelledError e) {
                events.add("cancelled");
                throw e;
            }
        }, "127.0.0.1", 0, ServerOptions.defaults()));
        for (int i = 0; i < 4; i++) {
            connect(server.port()).getOutputStream().write('x');
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (events.size() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long start = System.nanoTime();
        server.shutdown(Duration.ofMillis(200));
        assertThat(server.awaitClosed(Duration.ofSeconds(20))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(events).containsOnly("written", "cancelled").filteredOn("cancelled"::equals).hasSize(4);
        assertThat(liveThreadsOf(server)).isEmpty();
    }

    @Test
    void aHandlerMayShutTheServerDownButNotWaitForIt() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        AtomicReference<MultiLoopServer> self = new AtomicReference<>();
        MultiLoopServer server = track(MultiLoopServer.start(2, (reader, writer) -> {
            reader.readLine();
            try {
                self.get().close();
            } catch (IllegalStateException e) {
                events.add("close() refused: " + e.getMessage());
            }
            self.get().shutdown();
            events.add("shutdown() called");
        }, "127.0.0.1", 0, ServerOptions.defaults()));
        self.set(server); // before any client connects
        Socket s = connect(server.port());
        s.getOutputStream().write("quit\n".getBytes(StandardCharsets.UTF_8));
        server.awaitClosed();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).contains("close() refused", "shutdown()");
        assertThat(events.get(1)).isEqualTo("shutdown() called");
        assertThat(liveThreadsOf(server)).isEmpty();
    }

    @Test
    void aLoopStoppedFromOutsideClosesTheWholeServerAndAwaitClosedSaysWhy() throws Exception {
        MultiLoopServer server = track(lineEcho(3, new ConcurrentHashMap<>()));
        server.loops().get(1).stop();
        assertThatThrownBy(server::awaitClosed).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(server.name());
        assertThat(server.isServing()).isFalse();
        assertThat(liveThreadsOf(server)).isEmpty();
        assertThat(server.loops()).allSatisfy(l -> assertThat(l.isClosed()).isTrue());
    }

    @Test
    void awaitClosedWithATimeoutReturnsFalseWhileServing() throws Exception {
        MultiLoopServer server = track(lineEcho(2, new ConcurrentHashMap<>()));
        assertThat(server.awaitClosed(Duration.ofMillis(50))).isFalse();
        assertThat(server.isServing()).isTrue();
    }
}
