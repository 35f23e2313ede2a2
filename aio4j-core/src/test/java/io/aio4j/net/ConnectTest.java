package io.aio4j.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aio4j.Aio;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening connections: the typed errors (refused, timed out, unknown host), the resolver seam,
 * and Happy Eyeballs over several addresses. Everything runs on loopback addresses: a port with a
 * bound socket that does not listen refuses; a listening socket whose accept queue is full drops
 * SYNs, so a connect to it hangs until a timeout, on Linux, without any network.
 */
class ConnectTest extends NetLoopTest {
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeSockets() throws Exception {
        Collections.reverse(toClose);
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    // ============================================================ typed errors

    @Test
    void aPortNothingListensOnRefusesWithConnectionRefused() throws IOException {
        int port = refusingPort("127.0.0.1");
        run(() -> {
            assertThatThrownBy(() -> Net.openConnection("127.0.0.1", port))
                    .isInstanceOf(ConnectionRefusedException.class)
                    .isInstanceOf(ConnectException.class)
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageContaining("refused");
            assertThatThrownBy(() -> Net.createConnection(() -> new Protocol() {}, "127.0.0.1", port, ConnectOptions.defaults()))
                    .isInstanceOf(ConnectionRefusedException.class);
        });
    }

    @Test
    void aUnixSocketFileNobodyListensOnRefuses(@TempDir Path dir) throws IOException {
        Path stale = dir.resolve("stale.sock");
        try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            s.bind(UnixDomainSocketAddress.of(stale)); // closing leaves the file behind
        }
        run(() -> {
            assertThatThrownBy(() -> Net.openUnixConnection(stale, ConnectOptions.defaults()))
                    .isInstanceOf(ConnectionRefusedException.class);
        });
    }

    @Test
    void aUnixServerWhoseAcceptQueueIsFullRefuses(@TempDir Path dir) {
        Path path = dir.resolve("busy.sock");
        run(() -> {
            Server server = Net.startUnixServer(ServerTest.ECHO, path,
                    ServerOptions.defaults().withBacklog(1).withStartServing(false));
            List<Connection> queued = new ArrayList<>();
            IOException refused = null;
            for (int i = 0; i < 10 && refused == null; i++) { // Linux queues backlog + 1
                try {
                    queued.add(Net.openUnixConnection(path, ConnectOptions.defaults()));
                } catch (IOException e) {
                    refused = e;
                }
            }
            assertThat(refused).isInstanceOf(ConnectionRefusedException.class).hasMessageContaining("accept queue is full");
            for (Connection c : queued) {
                c.close();
            }
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void aConnectThatIsNotAnsweredInTimeIsAConnectTimeout() throws IOException {
        InetSocketAddress hanging = hangingAddress("127.0.0.1", 0);
        Duration timeout = Duration.ofMillis(200);
        run(() -> {
            long start = Aio.getRunningLoop().time();
            assertThatThrownBy(() -> Net.openConnection("127.0.0.1", hanging.getPort(),
                    ConnectOptions.defaults().withConnectTimeout(timeout)))
                    .isInstanceOf(ConnectTimeoutException.class)
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("took longer than PT0.2S");
            assertThat(Duration.ofNanos(Aio.getRunningLoop().time() - start)).isGreaterThanOrEqualTo(timeout);
        });
    }

    @Test
    void aConnectTimeoutOverSeveralAddressesCancelsEveryAttemptAndLeavesNothingOpen() throws IOException {
        InetSocketAddress hanging = hangingAddress("127.0.0.1", 0);
        Resolver twice = host -> List.of(hanging.getAddress(), hanging.getAddress());
        run(() -> {
            assertThatThrownBy(() -> Net.openConnection("two.test", hanging.getPort(), ConnectOptions.defaults()
                    .withResolver(twice)
                    .withHappyEyeballsDelay(Duration.ofMillis(20))
                    .withConnectTimeout(Duration.ofMillis(200))))
                    .isInstanceOf(ConnectTimeoutException.class);
            // the leak check (no attempt task left, no socket) runs when this task ends
        });
    }

    @Test
    void aResolverThatFindsNothingIsAnUnknownHost() {
        Resolver none = host -> {
            throw new UnknownHostException(host + ": no such host (test resolver)");
        };
        Resolver empty = host -> List.of();
        run(() -> {
            ConnectOptions o = ConnectOptions.defaults().withResolver(none);
            assertThatThrownBy(() -> Net.openConnection("nowhere.invalid", 80, o))
                    .isInstanceOf(UnknownHostException.class)
                    .hasMessageContaining("nowhere.invalid");
            assertThatThrownBy(() -> Net.openConnection("nowhere.invalid", 80, o.withConnectTimeout(Duration.ofSeconds(5))))
                    .as("the same inside the connect timeout's scope")
                    .isInstanceOf(UnknownHostException.class);
            assertThatThrownBy(() -> Net.openConnection("empty.invalid", 80, o.withResolver(empty)))
                    .isInstanceOf(UnknownHostException.class)
                    .hasMessageContaining("returned no address");
        });
    }

    @Test
    void addressLiteralsAreNotResolved() {
        Resolver forbidden = host -> fail("resolver called for " + host);
        run(() -> {
            Server server = Net.startServer(ServerTest.ECHO, "127.0.0.1", 0);
            ConnectOptions o = ConnectOptions.defaults().withResolver(forbidden);
            try (Connection c = Net.openConnection("127.0.0.1", portOf(server), o)) {
                assertThat(ServerTest.roundTrip(c, "literal")).isEqualTo("literal");
            }
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void aPortOutOfRangeIsRefusedBeforeAnythingHappens() {
        run(() -> {
            assertThatThrownBy(() -> Net.openConnection("127.0.0.1", 65536)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Net.openConnection("127.0.0.1", -1)).isInstanceOf(IllegalArgumentException.class);
        });
    }

    @Test
    void connectingOutsideATaskSaysWhatToDo() {
        assertThatThrownBy(() -> Net.openConnection("127.0.0.1", 80))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Aio.run");
    }

    @Test
    void optionsBindTheLocalAddressAndSizeTheReader() {
        run(() -> {
            Server server = Net.startServer(ServerTest.ECHO, "127.0.0.1", 0, ServerOptions.defaults().withLimit(8));
            ConnectOptions o = ConnectOptions.defaults()
                    .withLocalAddress(new InetSocketAddress("127.0.0.1", 0))
                    .withLimit(8);
            try (Connection c = Net.openConnection("127.0.0.1", portOf(server), o)) {
                assertThat(((InetSocketAddress) c.writer().transport().localAddress()).getAddress())
                        .isEqualTo(InetAddress.getByName("127.0.0.1"));
                assertThat(c.reader().limit()).isEqualTo(8);
                assertThat(ServerTest.roundTrip(c, "short")).isEqualTo("short");
                c.writer().write(bytes("a line too long for the server\n"));
                c.writer().drain();
                // The server's reader has limit 8 too: its readLine fails and the handler ends.
                assertThat(c.reader().read(10)).isEmpty();
            }
            server.close();
            server.waitClosed();
        });
        assertThat(takeReports()).singleElement()
                .satisfies(r -> assertThat(r.exception()).isInstanceOf(LimitOverrunException.class));
    }

    @Test
    void netResolveUsesTheLoopsResolverAndPassesLiteralsThrough() {
        run(() -> {
            assertThat(Net.resolve("localhost")).isNotEmpty().allSatisfy(a -> assertThat(a.isLoopbackAddress()).isTrue());
            assertThat(Net.resolve("192.0.2.7")).containsExactly(InetAddress.getByName("192.0.2.7"));
            assertThat(Net.resolve("[::1]")).containsExactly(InetAddress.getByName("::1"));
        });
    }

    @Test
    void ipv6LoopbackWorksWithABracketedLiteral() {
        run(() -> {
            Server server;
            try {
                server = Net.startServer(ServerTest.ECHO, "::1", 0);
            } catch (IOException e) {
                assumeTrue(false, "no IPv6 loopback here: " + e.getMessage());
                return;
            }
            try (Connection c = Net.openConnection("[::1]", portOf(server))) {
                assertThat(((InetSocketAddress) c.writer().transport().remoteAddress()).getAddress())
                        .isEqualTo(InetAddress.getByName("::1"));
                assertThat(ServerTest.roundTrip(c, "six")).isEqualTo("six");
            }
            server.close();
            server.waitClosed();
        });
    }

    // ============================================================ Happy Eyeballs

    @Test
    void whenTheFirstAddressRefusesTheNextIsTriedAtOnce() {
        run(() -> {
            Server server = Net.startServer(ServerTest.ECHO, "127.0.0.1", 0);
            int port = portOf(server);
            // Nothing listens on 127.0.0.2 at that port: the first address refuses.
            Resolver twoAddresses = host -> List.of(InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.1"));
            for (Duration delay : new Duration[] {Duration.ofSeconds(30), null}) {
                long start = System.nanoTime();
                ConnectOptions o = ConnectOptions.defaults().withResolver(twoAddresses).withHappyEyeballsDelay(delay);
                try (Connection c = Net.openConnection("two.test", port, o)) {
                    assertThat(c.writer().transport().remoteAddress()).isEqualTo(new InetSocketAddress("127.0.0.1", port));
                    assertThat(ServerTest.roundTrip(c, "second address")).isEqualTo("second address");
                }
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a refusal does not wait out the delay %s", delay)
                        .isLessThan(Duration.ofSeconds(10));
            }
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void everyAddressRefusingRaisesTheFirstErrorWithTheOthersSuppressed() throws IOException {
        int port = refusingPort("127.0.0.1");
        Resolver twoAddresses = host -> List.of(InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.1"));
        run(() -> {
            for (Duration delay : new Duration[] {Duration.ofMillis(250), null}) {
                assertThatThrownBy(() -> Net.openConnection("two.test", port, ConnectOptions.defaults()
                        .withResolver(twoAddresses).withHappyEyeballsDelay(delay)))
                        .isInstanceOf(ConnectionRefusedException.class)
                        .hasMessageContaining("127.0.0.2")
                        .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                                .isInstanceOf(ConnectionRefusedException.class));
            }
        });
    }

    @Test
    void whenTheFirstAddressHangsTheNextStartsAfterTheDelayAndWins() throws IOException {
        InetSocketAddress hanging = hangingAddress("127.0.0.2", 0);
        int port = hanging.getPort();
        Duration delay = Duration.ofMillis(100);
        run(() -> {
            Server server;
            try {
                server = Net.startServer(ServerTest.ECHO, "127.0.0.1", port);
            } catch (IOException e) {
                assumeTrue(false, "port " + port + " is free on 127.0.0.2 but taken on 127.0.0.1: " + e.getMessage());
                return;
            }
            Resolver twoAddresses = host -> List.of(hanging.getAddress(), InetAddress.getByName("127.0.0.1"));
            long start = Aio.getRunningLoop().time();
            try (Connection c = Net.openConnection("two.test", port,
                    ConnectOptions.defaults().withResolver(twoAddresses).withHappyEyeballsDelay(delay))) {
                assertThat(Duration.ofNanos(Aio.getRunningLoop().time() - start)).as("the second attempt waited for the delay")
                        .isGreaterThanOrEqualTo(delay);
                assertThat(c.writer().transport().remoteAddress()).isEqualTo(new InetSocketAddress("127.0.0.1", port));
                assertThat(ServerTest.roundTrip(c, "winner")).isEqualTo("winner");
            }
            server.close();
            server.waitClosed();
            // the leak check: the hanging attempt was cancelled and its socket closed
        });
    }

    // ============================================================ helpers

    /**
     * Returns a port on {@code host} where a socket is bound but does not listen: a SYN there is
     * answered with a reset.
     */
    private int refusingPort(String host) throws IOException {
        SocketChannel holder = SocketChannel.open();
        toClose.add(holder);
        holder.bind(new InetSocketAddress(host, 0));
        return ((InetSocketAddress) holder.getLocalAddress()).getPort();
    }

    /**
     * Returns an address where a connect hangs: a listening socket with a backlog of one that
     * never accepts, its accept queue filled. Linux then drops further SYNs (no reset), so the
     * client waits for a SYN-ACK that does not come. Skips the test where the kernel behaves
     * otherwise.
     */
    private InetSocketAddress hangingAddress(String host, int port) throws IOException {
        ServerSocketChannel full = ServerSocketChannel.open();
        toClose.add(full);
        full.bind(new InetSocketAddress(host, port), 1);
        InetSocketAddress address = (InetSocketAddress) full.getLocalAddress();
        // Linux queues backlog + 1 connections; fill them, and stop early if one already hangs.
        for (int i = 0; i < 2; i++) {
            SocketChannel filler = SocketChannel.open();
            toClose.add(filler);
            try {
                filler.socket().connect(address, 2000);
            } catch (SocketTimeoutException e) {
                break; // full already
            }
        }
        try (SocketChannel probe = SocketChannel.open()) {
            probe.configureBlocking(false);
            boolean connected = probe.connect(address);
            if (!connected) {
                // Give the kernel a moment to answer; a full queue never does.
                try (var selector = java.nio.channels.Selector.open()) {
                    probe.register(selector, java.nio.channels.SelectionKey.OP_CONNECT);
                    connected = selector.select(300) > 0;
                }
            }
            assumeTrue(!connected, "this kernel accepts connections beyond a full accept queue: no address hangs here");
        }
        return address;
    }
}
