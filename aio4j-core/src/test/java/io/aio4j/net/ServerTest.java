package io.aio4j.net;

import static io.aio4j.Aio.await;
import static io.aio4j.Aio.createTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.Task;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stream servers ({@link Net#startServer}): many clients at once, the {@link Server} lifecycle
 * (serving or not, {@code serveForever}, {@code close}, {@code closeClients}, {@code abortClients},
 * {@code waitClosed}), and that a server and its clients leave nothing open behind them.
 */
class ServerTest extends NetLoopTest {
    static final int CLIENTS = 1000;

    /** Echoes lines until EOF. */
    static final ConnectionHandler ECHO = (reader, writer) -> {
        for (byte[] line = reader.readLine(); line.length > 0; line = reader.readLine()) {
            writer.write(line);
            writer.drain();
        }
    };

    @Test
    void anEchoServerServesAThousandConcurrentClientsAndLeavesNothingOpen() {
        long start = System.nanoTime();
        run(() -> {
            Server server = Net.startServer(ECHO, "127.0.0.1", 0, ServerOptions.defaults().withBacklog(CLIENTS));
            int port = portOf(server);
            List<Task<String>> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String hello = "hello from client " + i + "\n";
                clients.add(createTask(() -> {
                    Connection c = Net.openConnection("127.0.0.1", port);
                    try {
                        c.writer().write(bytes(hello));
                        c.writer().drain();
                        String echoed = str(c.reader().readLine());
                        c.writer().writeEof();
                        assertThat(c.reader().readLine()).as("the server closes after our EOF").isEmpty();
                        return echoed;
                    } finally {
                        c.close();
                        c.writer().waitClosed();
                    }
                }));
            }
            List<String> got = Aio.gather(clients);
            for (int i = 0; i < CLIENTS; i++) {
                assertThat(got.get(i)).isEqualTo("hello from client " + i + "\n");
            }
            server.close();
            server.waitClosed();
            assertThat(server.connectionCount()).isZero();
            assertNothingLeaked(); // no task but this one, LoopNet.openResources() empty
            assertThat(Aio.allTasks()).containsExactly(Aio.currentTask());
            assertThat(io.aio4j.internal.net.LoopNet.of((io.aio4j.internal.loop.SelectorLoop) loop).openResources()).isEmpty();
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a thousand echoes on loopback").isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void portZeroBindsAPortTheOsPicksAndSocketsSaysWhich() {
        run(() -> {
            Server server = Net.startServer(ECHO, "127.0.0.1", 0);
            assertThat(server.isServing()).isTrue();
            assertThat(server.loop()).isSameAs(Aio.getRunningLoop());
            assertThat(server.sockets()).hasSize(1);
            InetSocketAddress a = (InetSocketAddress) server.sockets().get(0);
            assertThat(a.getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
            assertThat(a.getPort()).isPositive();
            assertThat(echo(a.getPort(), "ping")).isEqualTo("ping");
            server.close();
            server.close(); // idempotent
            assertThat(server.isServing()).isFalse();
            assertThat(server.sockets()).as("empty once closed").isEmpty();
            assertThatThrownBy(server::startServing).isInstanceOf(IllegalStateException.class);
            server.waitClosed();
        });
    }

    @Test
    void aServerMadeNotServingAcceptsOnlyOnceStarted() {
        run(() -> {
            Server server = Net.startServer(ECHO, "127.0.0.1", 0, ServerOptions.defaults().withStartServing(false));
            assertThat(server.isServing()).isFalse();
            assertThat(server.sockets()).as("bound and listening already").hasSize(1);
            // The kernel completes the handshake from the listen backlog; nobody accepts yet.
            Connection c = Net.openConnection("127.0.0.1", portOf(server));
            c.writer().write(bytes("early\n"));
            c.writer().drain();
            Task<byte[]> reply = createTask(() -> c.reader().readLine());
            Aio.sleep(Duration.ZERO);
            assertThat(server.connectionCount()).isZero();
            assertThat(reply.done()).isFalse();

            server.startServing();
            server.startServing(); // idempotent
            assertThat(server.isServing()).isTrue();
            assertThat(str(await(reply))).isEqualTo("early\n");
            assertThat(server.connectionCount()).isEqualTo(1);
            c.close();
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void serveForeverAcceptsUntilItsTaskIsCancelledThenClosesTheServer() {
        run(() -> {
            Server server = Net.startServer(ECHO, "127.0.0.1", 0, ServerOptions.defaults().withStartServing(false));
            int port = portOf(server);
            Task<Void> serving = createTask(server::serveForever);
            Aio.sleep(Duration.ZERO);
            assertThat(server.isServing()).isTrue();
            assertThatThrownBy(server::serveForever).as("one serveForever() at a time").isInstanceOf(IllegalStateException.class);
            assertThat(echo(port, "served")).isEqualTo("served");

            serving.cancel();
            assertThatThrownBy(() -> await(serving)).isInstanceOf(CancelledError.class);
            assertThat(server.isServing()).isFalse();
            assertThat(server.sockets()).isEmpty();
            assertThatThrownBy(() -> Net.openConnection("127.0.0.1", port)).isInstanceOf(ConnectionRefusedException.class);
            server.waitClosed();
        });
    }

    @Test
    void serveForeverReturnsWhenOtherCodeClosesTheServer() {
        run(() -> {
            Server server = Net.startServer(ECHO, "127.0.0.1", 0);
            Task<Void> serving = createTask(() -> {
                server.serveForever();
                events.add("serveForever returned");
            });
            Aio.sleep(Duration.ZERO);
            events.add("closing");
            server.close();
            await(serving);
            assertThat(serving.cancelled()).isFalse();
            assertThat(events).containsExactly("closing", "serveForever returned");
            assertThatThrownBy(server::serveForever).as("a closed server cannot serve").isInstanceOf(IllegalStateException.class);
        });
    }

    @Test
    void closeLeavesAcceptedConnectionsOpenAndWaitClosedWaitsForThem() {
        run(() -> {
            Server server = Net.startServer(ECHO, "127.0.0.1", 0);
            Connection c = Net.openConnection("127.0.0.1", portOf(server));
            assertThat(roundTrip(c, "before")).isEqualTo("before");
            Task<Void> waiting = createTask(() -> {
                server.waitClosed();
                events.add("server closed");
            });
            server.close();
            Aio.sleep(Duration.ZERO);
            assertThat(waiting.done()).as("a connection is still open").isFalse();
            assertThat(server.connectionCount()).isEqualTo(1);
            assertThat(roundTrip(c, "after close")).as("the connection goes on").isEqualTo("after close");

            events.add("client closes");
            c.close(); // the handler reads EOF and returns: the server closes its end
            await(waiting);
            assertThat(events).containsExactly("client closes", "server closed");
            assertThat(server.connectionCount()).isZero();
            c.writer().waitClosed();
        });
    }

    @Test
    void closeClientsSendsWhatEachConnectionBufferedThenEof() {
        run(() -> {
            Server server = Net.startServer((reader, writer) -> {
                writer.write(bytes("welcome\n"));
                writer.write(new byte[256 * 1024]); // more than the socket takes at once: buffered
                reader.readLine(); // waits until the server closes the connection
            }, "127.0.0.1", 0);
            List<Connection> clients = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Connection c = Net.openConnection("127.0.0.1", portOf(server));
                assertThat(str(c.reader().readLine())).isEqualTo("welcome\n");
                clients.add(c);
            }
            assertThat(server.connectionCount()).isEqualTo(3);
            server.close();
            server.closeClients();
            for (Connection c : clients) {
                assertThat(c.reader().readExactly(256 * 1024)).as("graceful: the buffered bytes come first").hasSize(256 * 1024);
                assertThat(c.reader().read(10)).isEmpty();
                c.close();
            }
            server.waitClosed();
            assertThat(server.connectionCount()).isZero();
        });
    }

    @Test
    void abortClientsResetsEveryConnectionAndDropsWhatItBuffered() {
        run(() -> {
            Server server = Net.startServer((reader, writer) -> {
                writer.write(bytes("welcome\n"));
                writer.drain();
                try {
                    reader.readLine();
                } catch (IOException e) {
                    // aborted under us
                }
            }, "127.0.0.1", 0);
            List<Connection> clients = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Connection c = Net.openConnection("127.0.0.1", portOf(server));
                assertThat(str(c.reader().readLine())).isEqualTo("welcome\n");
                clients.add(c);
            }
            server.close();
            server.abortClients();
            server.waitClosed();
            assertThat(server.connectionCount()).isZero();
            for (Connection c : clients) {
                assertThatThrownBy(() -> c.reader().read(10)).isInstanceOf(BrokenResourceException.class);
                c.close();
            }
        });
    }

    @Test
    void aHandlerThatThrowsIsReportedAndItsConnectionClosed() {
        run(() -> {
            IllegalStateException boom = new IllegalStateException("handler bug");
            Server server = Net.startServer((reader, writer) -> {
                writer.write(bytes("last words\n"));
                throw boom;
            }, "127.0.0.1", 0);
            Connection c = Net.openConnection("127.0.0.1", portOf(server));
            assertThat(str(c.reader().readLine())).isEqualTo("last words\n");
            assertThat(c.reader().read(10)).as("closed after the handler threw").isEmpty();
            c.close();
            server.close();
            server.waitClosed();
        });
        assertThat(takeReports()).singleElement().satisfies(r -> {
            assertThat(r.message()).startsWith("Unhandled exception in the handler of connection");
            assertThat(r.exception()).hasMessage("handler bug");
        });
    }

    @Test
    void aUnixServerServesAndRemovesItsSocketFileWhenClosed(@TempDir Path dir) {
        Path path = dir.resolve("echo.sock");
        run(() -> {
            Server server = Net.startUnixServer(ECHO, path, ServerOptions.defaults());
            assertThat(Files.exists(path)).isTrue();
            assertThat(server.sockets()).hasSize(1);
            try (Connection c = Net.openUnixConnection(path, ConnectOptions.defaults())) {
                assertThat(roundTrip(c, "over a unix socket")).isEqualTo("over a unix socket");
            }
            server.close();
            assertThat(Files.exists(path)).isFalse();
            server.waitClosed();
        });
    }

    @Test
    void aUnixServerDoesNotTakeOverAPathThatExists(@TempDir Path dir) throws IOException {
        Path path = Files.writeString(dir.resolve("taken"), "not a socket");
        run(() -> {
            assertThatThrownBy(() -> Net.startUnixServer(ECHO, path, ServerOptions.defaults()))
                    .isInstanceOf(IOException.class);
        });
        assertThat(Files.readString(path)).as("left as it was").isEqualTo("not a socket");
    }

    @Test
    void bindingAPortInUseFailsAndLeavesNothingOpen() {
        run(() -> {
            Server first = Net.startServer(ECHO, "127.0.0.1", 0);
            assertThatThrownBy(() -> Net.startServer(ECHO, "127.0.0.1", portOf(first)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("error while attempting to bind on address");
            first.close();
            first.waitClosed();
        });
    }

    @Test
    void aLoopThatClosesClosesTheSocketsLeftOpen() throws IOException {
        int[] port = {0};
        SocketChannel[] raw = {null};
        Aio.run(() -> {
            Server server = Net.startServer(ECHO, "127.0.0.1", 0);
            port[0] = portOf(server);
            raw[0] = SocketChannel.open(new InetSocketAddress("127.0.0.1", port[0])); // a blocking client
            eventually("the server to accept", () -> server.connectionCount() == 1);
            // return with the server and its connection open
        });
        try (SocketChannel c = raw[0]) {
            assertThat(c.read(ByteBuffer.allocate(10))).as("the server's end was closed with its loop").isEqualTo(-1);
        }
        assertThatThrownBy(() -> SocketChannel.open(new InetSocketAddress("127.0.0.1", port[0])).close())
                .as("the listening socket was closed with its loop")
                .isInstanceOf(java.net.ConnectException.class);
    }

    // ============================================================ helpers

    /** Writes a line, reads one back. */
    static String roundTrip(Connection c, String line) throws IOException {
        c.writer().write(bytes(line + "\n"));
        c.writer().drain();
        String got = str(c.reader().readLine());
        return got.substring(0, got.length() - 1);
    }

    /** Opens a connection, echoes one line, closes. */
    static String echo(int port, String line) throws IOException {
        Connection c = Net.openConnection("127.0.0.1", port);
        try {
            return roundTrip(c, line);
        } finally {
            c.close();
            c.writer().waitClosed();
        }
    }
}
