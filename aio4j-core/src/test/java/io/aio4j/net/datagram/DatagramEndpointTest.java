package io.aio4j.net.datagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.Aio;
import io.aio4j.internal.loop.SelectorLoop;
import io.aio4j.internal.net.LoopNet;
import io.aio4j.net.ConnectionRefusedException;
import io.aio4j.net.DatagramOptions;
import io.aio4j.net.DatagramProtocol;
import io.aio4j.net.DatagramTransport;
import io.aio4j.net.Net;
import io.aio4j.queue.Queue;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class DatagramEndpointTest {
    private static final InetSocketAddress LOOPBACK_ANY_PORT = new InetSocketAddress("127.0.0.1", 0);

    /** Records every callback as a line, and hands datagrams and errors to a queue tasks can wait on. */
    static class Recorder implements DatagramProtocol {
        final List<String> events = new ArrayList<>();
        final Queue<Object> inbox = Queue.create();
        DatagramTransport transport;

        @Override
        public void connectionMade(DatagramTransport transport) {
            this.transport = transport;
            events.add("made");
        }

        @Override
        public void datagramReceived(ByteBuffer data, SocketAddress from) {
            String text = StandardCharsets.UTF_8.decode(data).toString();
            events.add("datagram " + text);
            inbox.putNowait(new Received(text, from));
        }

        @Override
        public void errorReceived(IOException error) {
            events.add("error " + error.getClass().getSimpleName());
            inbox.putNowait(error);
        }

        @Override
        public void connectionLost(Exception cause) {
            events.add("lost " + cause);
        }
    }

    record Received(String text, SocketAddress from) {}

    /** Sends every datagram back where it came from. */
    static final class Echo implements DatagramProtocol {
        private DatagramTransport transport;

        @Override
        public void connectionMade(DatagramTransport transport) {
            this.transport = transport;
        }

        @Override
        public void datagramReceived(ByteBuffer data, SocketAddress from) {
            transport.sendTo(data, from);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static LoopNet net() {
        return LoopNet.of((SelectorLoop) Aio.getRunningLoop());
    }

    @Test
    void anUnconnectedEndpointGetsItsEchoFromTheServersAddress() {
        List<String> events = Aio.run(() -> {
            DatagramTransport server = Net.createDatagramEndpoint(Echo::new, LOOPBACK_ANY_PORT, null);
            Recorder client = new Recorder();
            DatagramTransport t = Net.createDatagramEndpoint(() -> client, LOOPBACK_ANY_PORT, null);
            assertThat(t.remoteAddress()).isNull();
            assertThat(((InetSocketAddress) t.localAddress()).getPort()).isPositive();

            t.sendTo(utf8("one"), server.localAddress());
            t.sendTo(ByteBuffer.wrap(utf8("two")), server.localAddress());
            Received first = (Received) client.inbox.get();
            Received second = (Received) client.inbox.get();
            assertThat(first.from()).isEqualTo(server.localAddress());
            assertThat(List.of(first.text(), second.text())).containsExactlyInAnyOrder("one", "two");

            t.close();
            server.close();
            Aio.sleep(Duration.ZERO);
            assertThat(net().openResources()).isEmpty();
            return client.events;
        });
        assertThat(events).hasSize(4).startsWith("made").endsWith("lost null");
    }

    @Test
    void aConnectedEndpointSendsToItsPeerAndHearsOnlyFromIt() {
        Aio.run(() -> {
            DatagramTransport server = Net.createDatagramEndpoint(Echo::new, LOOPBACK_ANY_PORT, null);
            Recorder client = new Recorder();
            DatagramTransport t = Net.createDatagramEndpoint(() -> client, null,
                    (InetSocketAddress) server.localAddress());
            assertThat(t.remoteAddress()).isEqualTo(server.localAddress());

            // A stranger writes to the client's port: the OS drops it, a connected socket hears its peer only.
            try (DatagramChannel stranger = DatagramChannel.open()) {
                stranger.send(ByteBuffer.wrap(utf8("stranger")), new InetSocketAddress("127.0.0.1",
                        ((InetSocketAddress) t.localAddress()).getPort()));
            }
            t.send(utf8("ping"));
            t.sendTo(utf8("pong"), server.localAddress()); // the remote address itself is allowed
            assertThat(((Received) client.inbox.get()).text()).isIn("ping", "pong");
            assertThat(((Received) client.inbox.get()).text()).isIn("ping", "pong");
            Aio.sleep(Duration.ofMillis(50));
            assertThat(client.inbox.empty()).isTrue();

            assertThatThrownBy(() -> t.sendTo(utf8("x"), new InetSocketAddress("127.0.0.1", 9)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be null or");
            t.close();
            server.close();
        });
    }

    @Test
    void sendWithoutAnAddressNeedsAConnectedEndpoint() {
        Aio.run(() -> {
            DatagramTransport t = Net.createDatagramEndpoint(Recorder::new, LOOPBACK_ANY_PORT, null);
            assertThatThrownBy(() -> t.send(utf8("x"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not connected");
            t.close();
        });
        assertThatThrownBy(() -> Aio.run(() -> {
            Net.createDatagramEndpoint(Recorder::new, null, null);
        })).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConnectedEndpointHearsThatNothingListensOnTheClosedPort() {
        List<String> events = Aio.run(() -> {
            InetSocketAddress closedPort;
            try (DatagramChannel gone = DatagramChannel.open()) {
                gone.bind(LOOPBACK_ANY_PORT);
                closedPort = (InetSocketAddress) gone.getLocalAddress();
            }
            Recorder client = new Recorder();
            DatagramTransport t = Net.createDatagramEndpoint(() -> client, null, closedPort);
            t.send(utf8("anyone?"));
            Object got = client.inbox.get();
            assertThat(got).isInstanceOf(ConnectionRefusedException.class);
            assertThat(((Exception) got).getMessage()).contains(closedPort.toString()).contains("refused");
            assertThat(t.isClosing()).as("an error does not close the endpoint").isFalse();

            t.send(utf8("still there?")); // the endpoint goes on: a second refusal arrives the same way
            assertThat(client.inbox.get()).isInstanceOf(ConnectionRefusedException.class);
            t.close();
            Aio.sleep(Duration.ZERO);
            return client.events;
        });
        assertThat(events).containsExactly("made", "error ConnectionRefusedException",
                "error ConnectionRefusedException", "lost null");
    }

    @Test
    void closeAndAbortCallConnectionLostOnceAndLaterSendsAreIgnored() {
        List<String> events = Aio.run(() -> {
            Recorder r = new Recorder();
            DatagramTransport t = Net.createDatagramEndpoint(() -> r, LOOPBACK_ANY_PORT, null);
            t.close();
            assertThat(t.isClosing()).isTrue();
            assertThat(t.isReading()).isFalse();
            t.close();
            t.abort();
            ByteBuffer late = ByteBuffer.wrap(utf8("late"));
            t.sendTo(late, new InetSocketAddress("127.0.0.1", 9));
            assertThat(late.hasRemaining()).as("consumed, as asyncio ignores it").isFalse();
            r.events.add("before the loop turns");
            Aio.sleep(Duration.ZERO);
            Aio.sleep(Duration.ZERO);
            assertThat(net().openResources()).isEmpty();
            return r.events;
        });
        assertThat(events).containsExactly("made", "before the loop turns", "lost null");
    }

    @Test
    void aCallbackThatThrowsAbortsTheEndpointAndIsReported() {
        List<Object> reported = new ArrayList<>();
        List<String> events = Aio.run(() -> {
            Aio.getRunningLoop().setExceptionHandler((loop, ctx) -> reported.add(ctx.exception()));
            Recorder r = new Recorder() {
                @Override
                public void datagramReceived(ByteBuffer data, SocketAddress from) {
                    events.add("datagram");
                    throw new IllegalStateException("bug in the protocol");
                }

                @Override
                public void connectionLost(Exception cause) {
                    events.add("lost " + cause.getMessage());
                    inbox.putNowait("lost");
                }
            };
            DatagramTransport t = Net.createDatagramEndpoint(() -> r, LOOPBACK_ANY_PORT, null);
            try (DatagramChannel peer = DatagramChannel.open()) {
                peer.send(ByteBuffer.wrap(utf8("boom")), t.localAddress());
            }
            assertThat(r.inbox.get()).isEqualTo("lost");
            assertThat(net().openResources()).isEmpty();
            return r.events;
        });
        assertThat(events).containsExactly("made", "datagram", "lost bug in the protocol");
        assertThat(reported).singleElement().isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEmptyDatagramIsADatagramButAConnectedEndpointRefusesToSendOne() {
        Aio.run(() -> {
            DatagramTransport server = Net.createDatagramEndpoint(Echo::new, LOOPBACK_ANY_PORT, null);
            Recorder client = new Recorder();
            DatagramTransport t = Net.createDatagramEndpoint(() -> client, LOOPBACK_ANY_PORT, null);
            t.sendTo(new byte[0], server.localAddress());
            Received echo = (Received) client.inbox.get();
            assertThat(echo.text()).isEmpty();
            assertThat(echo.from()).isEqualTo(server.localAddress());

            DatagramTransport connected = Net.createDatagramEndpoint(Recorder::new, null,
                    (InetSocketAddress) server.localAddress());
            assertThatThrownBy(() -> connected.send(new byte[0])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("empty datagram");
            connected.close();
            t.close();
            server.close();
        });
    }

    @Test
    void pausedReadingHoldsDatagramsInTheOsUntilResumed() {
        Aio.run(() -> {
            Recorder r = new Recorder();
            DatagramTransport t = Net.createDatagramEndpoint(() -> r, LOOPBACK_ANY_PORT, null);
            t.pauseReading();
            assertThat(t.isReading()).isFalse();
            try (DatagramChannel peer = DatagramChannel.open()) {
                peer.send(ByteBuffer.wrap(utf8("held")), t.localAddress());
            }
            Aio.sleep(Duration.ofMillis(50));
            assertThat(r.inbox.empty()).isTrue();
            t.resumeReading();
            assertThat(((Received) r.inbox.get()).text()).isEqualTo("held");
            t.close();
        });
    }

    @Test
    void namesResolveAndOptionsApply() {
        Aio.run(() -> {
            DatagramTransport server = Net.createDatagramEndpoint(Echo::new,
                    InetSocketAddress.createUnresolved("localhost", 0), null,
                    DatagramOptions.defaults().withReusePort(true).withAllowBroadcast(true));
            assertThat(server.getOption(StandardSocketOptions.SO_REUSEPORT)).isTrue();
            assertThat(server.getOption(StandardSocketOptions.SO_BROADCAST)).isTrue();
            InetSocketAddress bound = (InetSocketAddress) server.localAddress();
            Recorder client = new Recorder();
            DatagramTransport t = Net.createDatagramEndpoint(() -> client, null,
                    InetSocketAddress.createUnresolved("localhost", bound.getPort()));
            t.send(utf8("by name"));
            assertThat(((Received) client.inbox.get()).text()).isEqualTo("by name");
            t.close();
            server.close();
        });
    }

    @Test
    void aClosingLoopClosesTheEndpointsLeftOpen() throws IOException {
        InetSocketAddress bound = Aio.run(() -> {
            DatagramTransport t = Net.createDatagramEndpoint(Recorder::new, LOOPBACK_ANY_PORT, null);
            assertThat(net().openResources()).containsExactly(t);
            return (InetSocketAddress) t.localAddress();
        });
        try (DatagramChannel again = DatagramChannel.open()) {
            again.bind(bound); // free again: the loop closed the socket
        }
    }

    @Test
    void outsideATaskItSaysWhatToDo() {
        assertThatThrownBy(() -> Net.createDatagramEndpoint(Recorder::new, LOOPBACK_ANY_PORT, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Aio.run");
    }
}
