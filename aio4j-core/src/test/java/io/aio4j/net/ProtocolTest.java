package io.aio4j.net;

import static io.aio4j.Aio.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.Aio;
import io.aio4j.Future;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protocols and their transports ({@link Net#createConnection}, {@link Net#createServer}): the
 * order of the callbacks, pausing and resuming reading, the write buffer's water marks, the
 * {@link BufferedProtocol} path, swapping protocols, and what happens when a callback throws.
 */
class ProtocolTest extends NetLoopTest {

    /**
     * Records its callbacks as strings; a run of data callbacks is one {@code "data"} event, and
     * the bytes go to {@link #text}. Asserts nothing itself: an assertion error thrown into the
     * transport would not reach the test.
     */
    static class Recorder implements Protocol {
        final List<String> log = Collections.synchronizedList(new ArrayList<>());
        final StringBuilder text = new StringBuilder();
        final Future<Transport> made;
        final Future<Exception> lost;
        boolean keepOpenOnEof;
        Transport transport;

        Recorder(io.aio4j.EventLoop loop) {
            made = loop.createFuture();
            lost = loop.createFuture();
        }

        @Override
        public void connectionMade(Transport t) {
            transport = t;
            log.add("made");
            made.setResult(t);
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            if (!data.hasRemaining()) {
                log.add("EMPTY dataReceived");
            }
            byte[] b = new byte[data.remaining()];
            data.get(b);
            text.append(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1));
            if (log.isEmpty() || !log.get(log.size() - 1).equals("data")) {
                log.add("data");
            }
        }

        @Override
        public boolean eofReceived() {
            log.add("eof");
            return keepOpenOnEof;
        }

        @Override
        public void pauseWriting() {
            log.add("pauseWriting");
        }

        @Override
        public void resumeWriting() {
            log.add("resumeWriting");
        }

        @Override
        public void connectionLost(Exception cause) {
            log.add("lost " + (cause == null ? "cleanly" : cause.getClass().getSimpleName()));
            lost.setResult(cause);
        }

        String data() {
            return text.toString();
        }
    }

    @Test
    void callbacksComeInOrderAndConnectionLostOnce() {
        run(() -> {
            List<Recorder> served = new ArrayList<>();
            Server server = Net.createServer(() -> {
                Recorder r = new Recorder(loop);
                r.keepOpenOnEof = true; // answer after the client's EOF
                served.add(r);
                return r;
            }, "127.0.0.1", 0, ServerOptions.defaults());
            Recorder client = new Recorder(loop);
            Transport t = Net.createConnection(() -> client, "127.0.0.1", portOf(server), ConnectOptions.defaults());
            assertThat(client.log).as("made before createConnection returns").containsExactly("made");
            assertThat(t.protocol()).isSameAs(client);
            assertThat(t.isReading()).isTrue();

            t.write(bytes("hello"));
            t.write(bytes(" server"));
            t.writeEof();
            eventually("the server to read the client's EOF", () -> !served.isEmpty() && served.get(0).log.contains("eof"));
            Recorder s = served.get(0);
            assertThat(s.log).containsExactly("made", "data", "eof");
            assertThat(s.data()).isEqualTo("hello server");

            s.transport.write(bytes("bye"));
            s.transport.close();
            s.transport.close(); // idempotent
            assertThat(await(client.lost)).isNull();
            assertThat(await(s.lost)).isNull();
            assertThat(client.log).containsExactly("made", "data", "eof", "lost cleanly");
            assertThat(client.data()).isEqualTo("bye");
            assertThat(s.log).containsExactly("made", "data", "eof", "lost cleanly");
            assertThat(t.isClosing()).as("eofReceived() returned false: the transport closed").isTrue();
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void pauseReadingStopsDataAndResumeReadingRestartsIt(@TempDir Path dir) {
        // A Unix socket, so a write is in the peer's receive queue when it returns: the paused
        // side provably had data to read and did not.
        run(() -> {
            Future<Recorder> served = loop.createFuture();
            Server server = Net.createUnixServer(() -> {
                Recorder r = new Recorder(loop);
                served.setResult(r);
                return r;
            }, dir.resolve("p.sock"), ServerOptions.defaults());
            Recorder client = new Recorder(loop);
            Transport t = Net.createUnixConnection(() -> client, dir.resolve("p.sock"), ConnectOptions.defaults());
            Recorder s = await(served);
            await(s.made);

            t.pauseReading();
            t.pauseReading(); // idempotent
            assertThat(t.isReading()).isFalse();
            s.transport.write(bytes("while paused"));
            for (int i = 0; i < 20; i++) {
                Aio.sleep(Duration.ZERO); // iterations of the loop, each polling the selector
            }
            assertThat(client.log).containsExactly("made");

            t.resumeReading();
            assertThat(t.isReading()).isTrue();
            eventually("the data after resumeReading()", () -> client.data().equals("while paused"));
            t.close();
            await(s.lost);
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void theWriteBufferPausesAndResumesTheProtocolAtItsWaterMarks() {
        run(() -> {
            Future<Recorder> served = loop.createFuture();
            Server server = Net.createServer(() -> {
                Recorder r = new Recorder(loop);
                served.trySetResult(r);
                return r;
            }, "127.0.0.1", 0, ServerOptions.defaults());
            Recorder client = new Recorder(loop);
            Transport t = Net.createConnection(() -> client, "127.0.0.1", portOf(server), ConnectOptions.defaults());
            Recorder s = await(served);
            await(s.made);
            s.transport.pauseReading();

            t.setWriteBufferLimits(4096, 1024);
            byte[] chunk = new byte[64 * 1024];
            long written = 0;
            while (t.writeBufferSize() <= 4096) {
                t.write(chunk);
                written += chunk.length;
                assertThat(written).as("the socket never filled up").isLessThan(1L << 30);
            }
            assertThat(client.log).containsExactly("made", "pauseWriting");
            t.write(chunk); // more, while paused: buffered, no second pause
            written += chunk.length;
            assertThat(client.log).containsExactly("made", "pauseWriting");

            s.transport.resumeReading();
            long total = written;
            eventually("the server to read everything", () -> s.text.length() == total);
            assertThat(client.log).containsExactly("made", "pauseWriting", "resumeWriting");
            assertThat(t.writeBufferSize()).isZero();
            t.close();
            await(s.lost);
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void aBufferedProtocolReadsIntoItsOwnBuffer() {
        int size = 20_000;
        run(() -> {
            Server server = Net.startServer((reader, writer) -> {
                byte[] b = new byte[size];
                for (int i = 0; i < size; i++) {
                    b[i] = (byte) (i % 251);
                }
                writer.write(b);
                writer.drain();
            }, "127.0.0.1", 0);

            List<String> log = Collections.synchronizedList(new ArrayList<>());
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            Future<Void> lost = loop.createFuture();
            int[] updates = {0};
            BufferedProtocol p = new BufferedProtocol() {
                final ByteBuffer buf = ByteBuffer.allocate(7); // small: many reads

                @Override
                public void connectionMade(Transport transport) {
                    log.add("made");
                }

                @Override
                public ByteBuffer getBuffer(int sizeHint) {
                    if (sizeHint <= 0) {
                        log.add("bad size hint " + sizeHint);
                    }
                    return buf.clear().position(3); // the transport must read from the position
                }

                @Override
                public void bufferUpdated(int nbytes) {
                    if (buf.position() != 3 + nbytes) {
                        log.add("position " + buf.position() + " after " + nbytes + " bytes");
                    }
                    got.write(buf.array(), 3, nbytes);
                    updates[0]++;
                }

                @Override
                public boolean eofReceived() {
                    log.add("eof");
                    return false;
                }

                @Override
                public void connectionLost(Exception cause) {
                    log.add("lost " + cause);
                    lost.setResult(null);
                }
            };
            Transport t = Net.createConnection(() -> p, "127.0.0.1", portOf(server), ConnectOptions.defaults());
            assertThat(t.protocol()).isSameAs(p);
            await(lost);
            assertThat(log).containsExactly("made", "eof", "lost null");
            byte[] b = got.toByteArray();
            assertThat(b).hasSize(size);
            for (int i = 0; i < size; i++) {
                assertThat(b[i]).isEqualTo((byte) (i % 251));
            }
            assertThat(updates[0]).isGreaterThanOrEqualTo(size / 4);
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void aBufferedProtocolThatFailsIsReportedByTheCallbackThatFailed() {
        run(() -> {
            Server server = Net.startServer((reader, writer) -> {
                writer.write(bytes("data"));
                writer.drain();
                reader.read(10); // until the client goes
            }, "127.0.0.1", 0);
            for (String failing : new String[] {"getBuffer", "bufferUpdated"}) {
                Future<Exception> lost = loop.createFuture();
                BufferedProtocol p = new BufferedProtocol() {
                    @Override
                    public ByteBuffer getBuffer(int sizeHint) {
                        return failing.equals("getBuffer") ? ByteBuffer.allocate(0) : ByteBuffer.allocate(sizeHint);
                    }

                    @Override
                    public void bufferUpdated(int nbytes) {
                        throw new IllegalStateException("bug in bufferUpdated");
                    }

                    @Override
                    public void connectionLost(Exception cause) {
                        lost.setResult(cause);
                    }
                };
                Net.createConnection(() -> p, "127.0.0.1", portOf(server), ConnectOptions.defaults());
                assertThat(await(lost)).isInstanceOf(IllegalStateException.class);
                assertThat(takeReports()).singleElement().satisfies(r -> assertThat(r.message())
                        .startsWith("Fatal error: protocol." + failing + "() call failed."));
            }
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void setProtocolHandsTheNextDataToTheNewProtocolWithoutConnectionMade() {
        run(() -> {
            Server server = Net.startServer((reader, writer) -> {
                writer.write(bytes("one\n"));
                writer.drain();
                reader.readLine(); // the client's go-ahead
                writer.write(bytes("two"));
            }, "127.0.0.1", 0);
            Recorder first = new Recorder(loop);
            Recorder second = new Recorder(loop);
            Transport t = Net.createConnection(() -> first, "127.0.0.1", portOf(server), ConnectOptions.defaults());
            eventually("the first line", () -> first.data().equals("one\n"));
            t.setProtocol(second);
            assertThat(t.protocol()).isSameAs(second);
            t.write(bytes("go\n"));
            await(second.lost);
            assertThat(first.log).containsExactly("made", "data");
            assertThat(first.data()).isEqualTo("one\n");
            assertThat(second.log).containsExactly("data", "eof", "lost cleanly");
            assertThat(second.data()).isEqualTo("two");
            assertThatThrownBy(() -> t.setProtocol(new BaseProtocol() {}))
                    .as("a stream transport needs a Protocol or a BufferedProtocol")
                    .isInstanceOf(IllegalArgumentException.class);
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void aCallbackThatThrowsIsReportedAndItsTransportClosed() {
        RuntimeException bug = new IllegalStateException("bug in dataReceived");
        run(() -> {
            Server server = Net.startServer((reader, writer) -> {
                writer.write(bytes("trigger"));
                writer.drain();
                assertThat(reader.read(10)).as("the client closed after its protocol failed").isEmpty();
            }, "127.0.0.1", 0);
            Recorder client = new Recorder(loop) {
                @Override
                public void dataReceived(ByteBuffer data) {
                    log.add("dataReceived throws");
                    throw bug;
                }
            };
            Transport t = Net.createConnection(() -> client, "127.0.0.1", portOf(server), ConnectOptions.defaults());
            assertThat(await(client.lost)).isSameAs(bug);
            assertThat(t.isClosing()).isTrue();
            assertThat(client.log).containsExactly("made", "dataReceived throws", "lost IllegalStateException");
            server.close();
            server.waitClosed();
        });
        assertThat(takeReports()).singleElement().satisfies(r -> {
            assertThat(r.message()).startsWith("Fatal error: protocol.dataReceived() call failed.");
            assertThat(r.exception()).isSameAs(bug);
        });
    }

    @Test
    void anEofReceivedThatThrowsIsReportedAndItsTransportClosed() {
        RuntimeException bug = new IllegalStateException("bug in eofReceived");
        run(() -> {
            Server server = Net.startServer((reader, writer) -> {}, "127.0.0.1", 0); // closes at once
            Recorder client = new Recorder(loop) {
                @Override
                public boolean eofReceived() {
                    throw bug;
                }
            };
            Net.createConnection(() -> client, "127.0.0.1", portOf(server), ConnectOptions.defaults());
            assertThat(await(client.lost)).isSameAs(bug);
            server.close();
            server.waitClosed();
        });
        assertThat(takeReports()).singleElement()
                .satisfies(r -> assertThat(r.message()).startsWith("Fatal error: protocol.eofReceived() call failed."));
    }

    @Test
    void aServerProtocolWhoseConnectionMadeThrowsIsReportedAndTheClientSeesTheConnectionEnd() {
        RuntimeException bug = new IllegalStateException("bug in connectionMade");
        run(() -> {
            Server server = Net.createServer(() -> new Protocol() {
                @Override
                public void connectionMade(Transport transport) {
                    throw bug;
                }
            }, "127.0.0.1", 0, ServerOptions.defaults());
            try (Connection c = Net.openConnection("127.0.0.1", portOf(server))) {
                try {
                    assertThat(c.reader().read(10)).isEmpty(); // EOF, or a reset: the server aborted it
                } catch (BrokenResourceException e) {
                    // also fine
                }
            }
            server.close();
            server.waitClosed();
            assertThat(server.connectionCount()).isZero();
        });
        assertThat(takeReports()).singleElement().satisfies(r -> {
            assertThat(r.message()).startsWith("Error setting up an accepted connection");
            assertThat(r.exception()).isSameAs(bug);
        });
    }

    @Test
    void aClientProtocolWhoseConnectionMadeThrowsFailsTheConnect() {
        RuntimeException bug = new IllegalStateException("bug in connectionMade");
        run(() -> {
            Server server = Net.startServer((reader, writer) -> {
                try {
                    reader.read(10);
                } catch (BrokenResourceException e) {
                    // the client aborted: a reset
                }
            }, "127.0.0.1", 0);
            assertThatThrownBy(() -> Net.createConnection(() -> new Protocol() {
                @Override
                public void connectionMade(Transport transport) {
                    throw bug;
                }
            }, "127.0.0.1", portOf(server), ConnectOptions.defaults())).isSameAs(bug);
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void aProtocolThatIsNeitherProtocolNorBufferedProtocolIsRefused() {
        run(() -> {
            Server server = Net.startServer(ServerTest.ECHO, "127.0.0.1", 0);
            assertThatThrownBy(() -> Net.createConnection(() -> new BaseProtocol() {}, "127.0.0.1", portOf(server),
                    ConnectOptions.defaults())).isInstanceOf(IllegalArgumentException.class);
            server.close();
            server.waitClosed();
        });
    }
}
