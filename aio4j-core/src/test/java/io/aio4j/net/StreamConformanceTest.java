package io.aio4j.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.Future;
import io.aio4j.Task;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The stream contract, checked on every kind of connection aio4j makes: trio's
 * {@code testing/_check_streams.py} ({@code check_two_way_stream}) for {@link Connection} pairs.
 * Each test opens a fresh connected pair on a fresh real-time loop, runs one check in a task, closes
 * both ends, and then checks that nothing leaked (see {@link NetLoopTest}): no task but the
 * check's, no open transport or server, no report to the loop's exception handler.
 *
 * <p>The checks: bytes both ways; a transfer of several MiB paced by {@code drain()} (the writer's
 * buffer is seen above its high water mark, and {@code drain()} returns only at the low one);
 * half-close, or its refusal where the stream cannot; close and EOF; writing after close; a reset
 * by the peer (and, where {@link #resetsOnAbort()}, one after everything was read); two readers
 * at once; a read or a drain cancelled half-way; {@code waitClosed()}.
 *
 * <h2>The streams it covers</h2>
 * One subclass per kind: {@code MemoryStreamConformanceTest} (an in-memory pipe of
 * {@link MemoryTransport}s), {@code TcpStreamConformanceTest} (127.0.0.1),
 * {@code UnixStreamConformanceTest} (a Unix domain socket in a temporary directory) and
 * {@code tls.TlsStreamConformanceTest} (TLS over 127.0.0.1, the certificate verified; TLS cannot
 * half-close, so there {@code writeEof()} is checked to be refused).
 *
 * <h2>Adding a kind of stream</h2>
 * Subclass and implement {@link #openPair()}: it runs in a task of {@link #loop} and returns the
 * two ends and what to close after them (a server, say). Override {@link #canHalfClose()} for
 * streams that cannot half-close, and {@link NetLoopTest#newLoop()} for a loop of another kind.
 * {@code TlsStreamConformanceTest} is a short example: a server's accepted connection as the
 * right end, and no half-close.
 */
public abstract class StreamConformanceTest extends NetLoopTest {
    /** The write buffer's high water mark the checks set (asyncio's default). */
    protected static final int HIGH = 64 * 1024;
    /** The write buffer's low water mark the checks set (asyncio's default). */
    protected static final int LOW = 16 * 1024;
    /** How much the large transfer sends each way. */
    protected static final int TRANSFER = 8 << 20;
    private static final int CHUNK = 16 * 1024;

    /**
     * The two ends of a connection, and what else to close after them.
     *
     * @param left one end: the client, for sockets
     * @param right the other end
     * @param resources closed (in a task: it may suspend) after both ends, e.g. the server's
     *     {@code waitClosed}
     */
    public record StreamPair(Connection left, Connection right, AutoCloseable resources) {}

    /** A check, run in a task with a fresh pair. */
    @FunctionalInterface
    protected interface PairCheck {
        /**
         * Runs the check.
         *
         * @param left one end
         * @param right the other
         * @throws Exception anything: the test fails
         */
        void run(Connection left, Connection right) throws Exception;
    }

    /**
     * Opens a connected pair. Runs in a task of {@link #loop}.
     *
     * @return the pair
     * @throws Exception if it cannot be made
     */
    protected abstract StreamPair openPair() throws Exception;

    /**
     * Tells whether these streams can half-close ({@code writeEof}), and so stay open for writing
     * after reading EOF. TLS cannot.
     *
     * @return whether they can
     */
    protected boolean canHalfClose() {
        return true;
    }

    /**
     * Tells whether {@link Transport#abort()} resets these streams (TCP's RST), so that the peer
     * fails even when it had read everything. A Unix socket resets only with bytes left unread; a
     * memory pipe does not reset.
     *
     * @return whether an abort always breaks the peer
     */
    protected boolean resetsOnAbort() {
        return false;
    }

    /**
     * Returns a server handler that hands its connection to {@code accepted} and keeps it open
     * until it is closed (a handler that returns closes its connection).
     *
     * @param accepted completed with the server's end of the first connection
     * @return the handler
     */
    protected static ConnectionHandler parkUntilClosed(Future<Connection> accepted) {
        return (reader, writer) -> {
            accepted.trySetResult(new Connection(reader, writer));
            try {
                writer.waitClosed();
            } catch (IOException e) {
                // the check broke the connection on purpose
            }
        };
    }

    /**
     * Runs {@code check} in a task with a fresh pair, closes the pair, and checks for leaks.
     *
     * @param check the check
     */
    protected final void check(PairCheck check) {
        run(() -> {
            StreamPair pair = openPair();
            try {
                check.run(pair.left(), pair.right());
            } finally {
                closeAndWait(pair.left());
                closeAndWait(pair.right());
                pair.resources().close();
            }
        });
    }

    private static void closeAndWait(Connection c) {
        c.close();
        Boolean closed = Aio.withTimeoutOrNull(Duration.ofSeconds(5), () -> {
            try {
                c.writer().waitClosed();
            } catch (IOException e) {
                // broken on purpose by the check
            }
            return true;
        });
        if (closed == null) {
            c.writer().transport().abort(); // a close that cannot finish (the check left the peer paused)
        }
    }

    // ============================================================ the checks

    @Test
    void bytesGoBothWaysInOrder() {
        check((left, right) -> {
            send(left, "hello from the left");
            assertThat(readString(right, 19)).isEqualTo("hello from the left");
            send(right, "and back");
            assertThat(readString(left, 8)).isEqualTo("and back");

            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                String s = i + ",";
                left.writer().write(bytes(s)); // many writes, one drain
                expected.append(s);
            }
            left.writer().write(new byte[0]);
            left.writer().drain();
            assertThat(readString(right, expected.length())).isEqualTo(expected.toString());
        });
    }

    @Test
    void aLargeTransferArrivesIntactEachWayAndDrainPacesTheWriter() {
        check((left, right) -> {
            transfer(left, right);
            transfer(right, left);
        });
    }

    /** Sends {@link #TRANSFER} bytes; the reader starts only once the writer met back-pressure. */
    private void transfer(Connection from, Connection to) throws Exception {
        Transport t = from.writer().transport();
        t.setWriteBufferLimits(HIGH, LOW);
        Future<Void> backPressure = loop.createFuture();
        int[] pausedDrains = {0};
        Task<Void> writer = loop.createTask(() -> {
            byte[] chunk = new byte[CHUNK];
            for (int off = 0; off < TRANSFER; off += CHUNK) {
                fill(chunk, off);
                from.writer().write(chunk);
                long buffered = t.writeBufferSize();
                if (buffered > HIGH) { // above the high water mark: the protocol was paused
                    pausedDrains[0]++;
                    backPressure.trySetResult(null); // the reader may start
                }
                from.writer().drain();
                if (buffered > HIGH) {
                    assertThat(t.writeBufferSize()).as("drain() returns at the low water mark").isLessThanOrEqualTo(LOW);
                }
            }
            backPressure.trySetResult(null);
        });
        writer.addDoneCallback(w -> backPressure.trySetResult(null)); // a failed writer must not hang the reader
        Aio.await(backPressure);
        readAndVerify(to, 0, TRANSFER);
        Aio.await(writer);
        assertThat(pausedDrains[0]).as("drains that waited for the peer to read").isPositive();
    }

    @Test
    void canWriteEofSaysWhatWriteEofDoes() {
        check((left, right) -> {
            assertThat(left.writer().canWriteEof()).isEqualTo(canHalfClose());
            assertThat(right.writer().canWriteEof()).isEqualTo(canHalfClose());
            if (!canHalfClose()) {
                assertThatThrownBy(() -> left.writer().writeEof()).isInstanceOf(UnsupportedOperationException.class);
            }
        });
    }

    @Test
    void halfCloseLetsThePeerReadEofAndStillWriteBack() {
        assumeTrue(canHalfClose(), "these streams cannot half-close");
        check((left, right) -> {
            left.writer().write(bytes("ping"));
            left.writer().writeEof();
            left.writer().writeEof(); // idempotent
            assertThatThrownBy(() -> left.writer().write(bytes("more")))
                    .as("writing after writeEof() is using what we closed")
                    .isInstanceOf(ClosedResourceException.class);
            assertThat(str(right.reader().read(-1))).isEqualTo("ping");
            assertThat(right.reader().atEof()).isTrue();
            assertThat(right.writer().isClosing()).as("EOF leaves the peer open for writing").isFalse();

            send(right, "pong");
            assertThat(readString(left, 4)).isEqualTo("pong");
            right.writer().close();
            assertThat(left.reader().read(10)).isEmpty();
            assertThat(left.reader().atEof()).isTrue();
        });
    }

    @Test
    void closeSendsWhatIsBufferedThenThePeerReadsEofForever() {
        check((left, right) -> {
            byte[] big = new byte[1 << 20];
            fill(big, 0);
            left.writer().write(big); // no drain: close() must still send it all
            left.writer().close();
            assertThat(left.writer().isClosing()).isTrue();
            readAndVerify(right, 0, big.length);
            assertThat(right.reader().read(10)).isEmpty();
            assertThat(right.reader().read(-1)).isEmpty();
            assertThat(right.reader().readLine()).isEmpty();
            assertThat(right.reader().atEof()).isTrue();
            left.writer().waitClosed();
        });
    }

    @Test
    void usingAWriterAfterClosingItIsAClosedResourceError() {
        check((left, right) -> {
            left.writer().close();
            left.writer().close(); // idempotent
            assertThatThrownBy(() -> left.writer().write(bytes("x"))).isInstanceOf(ClosedResourceException.class);
            left.writer().waitClosed();
            assertThatThrownBy(() -> left.writer().write(bytes("x"))).isInstanceOf(ClosedResourceException.class);
            assertThatThrownBy(() -> left.writer().drain()).isInstanceOf(ClosedResourceException.class);
            assertThat(right.reader().read(10)).isEmpty();
        });
    }

    @Test
    void aResetByThePeerBreaksReadsDrainsAndWrites() {
        check((left, right) -> {
            // The right end leaves bytes unread, so even a stream that cannot reset on demand
            // (a Unix socket) resets when it is closed (RFC 2525 §2.17).
            right.writer().transport().pauseReading();
            send(left, "never read");
            right.writer().transport().abort();
            assertThat(right.writer().isClosing()).isTrue();

            assertThatThrownBy(() -> left.reader().read(100)).isInstanceOf(BrokenResourceException.class);
            assertThatThrownBy(() -> left.reader().readLine()).isInstanceOf(BrokenResourceException.class);
            assertThatThrownBy(() -> left.writer().drain()).isInstanceOf(BrokenResourceException.class);
            assertThatThrownBy(() -> left.writer().write(bytes("x"))).isInstanceOf(BrokenResourceException.class);
            assertThatThrownBy(() -> left.writer().waitClosed()).isInstanceOf(BrokenResourceException.class);
        });
    }

    @Test
    void anAbortResetsThePeerEvenWithNothingLeftUnread() {
        assumeTrue(resetsOnAbort(), "an abort of these streams does not reset");
        check((left, right) -> {
            send(left, "read in full");
            assertThat(readString(right, 12)).isEqualTo("read in full");
            right.writer().transport().abort();
            assertThatThrownBy(() -> left.reader().read(100))
                    .as("a reset, not a FIN: the read fails instead of returning EOF (or, on TLS, "
                            + "instead of reporting a close without close_notify)")
                    .isInstanceOf(BrokenResourceException.class)
                    .isNotInstanceOf(TlsTruncationException.class);
        });
    }

    @Test
    void aDrainWaitingOnAPeerThatClosesWithoutReadingBreaks() {
        check((left, right) -> {
            right.writer().transport().pauseReading();
            long sent = fillUntilPaused(left);
            assertThat(sent).isPositive();
            Task<Void> drain = loop.createTask(() -> left.writer().drain());
            Aio.sleep(Duration.ZERO);
            assertThat(drain.done()).as("the peer reads nothing: drain() waits").isFalse();
            right.writer().close();
            assertThatThrownBy(() -> Aio.await(drain)).hasCauseInstanceOf(BrokenResourceException.class);
        });
    }

    @Test
    void aSecondReaderWhileOneWaitsIsBusy() {
        check((left, right) -> {
            Task<byte[]> first = loop.createTask(() -> right.reader().read(100));
            Aio.sleep(Duration.ZERO);
            assertThat(first.done()).isFalse();
            assertThatThrownBy(() -> right.reader().read(100)).isInstanceOf(BusyResourceException.class);
            assertThatThrownBy(() -> right.reader().readLine()).isInstanceOf(BusyResourceException.class);
            send(left, "for the first");
            assertThat(str(Aio.await(first))).isEqualTo("for the first");
        });
    }

    @Test
    void severalTasksMayDrainAtOnce() {
        check((left, right) -> {
            left.writer().transport().setWriteBufferLimits(HIGH, LOW);
            right.writer().transport().pauseReading();
            long sent = fillUntilPaused(left);
            Task<Void> a = loop.createTask(() -> left.writer().drain());
            Task<Void> b = loop.createTask(() -> left.writer().drain());
            Aio.sleep(Duration.ZERO);
            assertThat(a.done() || b.done()).isFalse();
            right.writer().transport().resumeReading();
            readAndVerify(right, 0, sent);
            Aio.await(a);
            Aio.await(b);
        });
    }

    /**
     * Cancelling a read takes nothing from the stream: the bytes that arrived while it waited stay
     * buffered, and another task can read at once.
     */
    @Test
    void aReadCancelledHalfWayLosesNoBytes() {
        check((left, right) -> {
            Task<byte[]> read = loop.createTask(() -> right.reader().readExactly(10));
            send(left, "0123");
            eventually("4 bytes at the right end", () -> right.reader().buffered() == 4);
            assertThat(read.done()).isFalse();
            read.cancel();
            send(left, "456789");
            assertThat(readString(right, 10)).isEqualTo("0123456789");
            assertThat(read.cancelled()).isTrue();
        });
    }

    /**
     * Cancelling a drain drops nothing: what was written stays in the write buffer and is sent,
     * and the stream stays usable.
     */
    @Test
    void aDrainCancelledHalfWayLeavesItsBytesToBeSentAndTheStreamUsable() {
        check((left, right) -> {
            Transport t = left.writer().transport();
            t.setWriteBufferLimits(HIGH, LOW);
            right.writer().transport().pauseReading();
            long sent = fillUntilPaused(left);
            Task<Void> drain = loop.createTask(() -> left.writer().drain());
            Aio.sleep(Duration.ZERO);
            assertThat(drain.done()).as("the peer reads nothing: drain() waits").isFalse();
            long buffered = t.writeBufferSize();
            drain.cancel();
            assertThatThrownBy(() -> Aio.await(drain)).isInstanceOf(CancelledError.class);
            assertThat(t.writeBufferSize()).as("nothing dropped").isEqualTo(buffered);
            assertThat(left.writer().isClosing()).isFalse();

            right.writer().transport().resumeReading();
            readAndVerify(right, 0, sent);
            send(left, "still usable");
            assertThat(readString(right, 12)).isEqualTo("still usable");
        });
    }

    @Test
    void waitClosedReturnsOnceTheConnectionIsClosed() {
        check((left, right) -> {
            Task<Void> rightClosed = loop.createTask(() -> {
                right.writer().waitClosed();
                events.add("right closed");
            });
            left.writer().close();
            left.writer().waitClosed();
            events.add("left closed");
            assertThat(right.reader().read(10)).isEmpty();
            if (canHalfClose()) {
                Aio.sleep(Duration.ZERO);
                assertThat(rightClosed.done()).as("EOF alone leaves the right end open: it may still write").isFalse();
                right.writer().close();
            }
            Aio.await(rightClosed);
            assertThat(events).containsExactly("left closed", "right closed");
            left.writer().waitClosed(); // again: returns at once
        });
    }

    @Test
    void aCancelledWaitClosedLeavesWaitClosedWorkingForOthers() {
        check((left, right) -> {
            Task<Void> impatient = loop.createTask(() -> left.writer().waitClosed());
            Aio.sleep(Duration.ZERO);
            impatient.cancel();
            assertThatThrownBy(() -> Aio.await(impatient)).isInstanceOf(CancelledError.class);
            send(left, "still open");
            assertThat(readString(right, 10)).isEqualTo("still open");
            left.writer().close();
            left.writer().waitClosed(); // returns: the cancelled waiter did not spoil the close
        });
    }

    // ============================================================ helpers

    /** Writes a string and drains. */
    protected static void send(Connection c, String s) throws IOException {
        c.writer().write(bytes(s));
        c.writer().drain();
    }

    /** Reads exactly {@code n} bytes as a string. */
    protected static String readString(Connection c, int n) throws IOException {
        return str(c.reader().readExactly(n));
    }

    /** The byte at {@code position} of the test pattern (251 is prime: misplaced bytes show). */
    private static byte patternAt(long position) {
        return (byte) (position % 251);
    }

    private static void fill(byte[] b, long position) {
        for (int i = 0; i < b.length; i++) {
            b[i] = patternAt(position + i);
        }
    }

    /** Reads {@code n} bytes of the pattern starting at {@code position} and checks each. */
    private static void readAndVerify(Connection to, long position, long n) throws IOException {
        long got = 0;
        while (got < n) {
            byte[] b = to.reader().read((int) Math.min(64 * 1024, n - got));
            if (b.length == 0) {
                fail("EOF after " + got + " of " + n + " bytes");
            }
            for (int i = 0; i < b.length; i++) {
                if (b[i] != patternAt(position + got + i)) {
                    fail("byte " + (got + i) + " is " + b[i] + ", not " + patternAt(position + got + i));
                }
            }
            got += b.length;
        }
    }

    /**
     * Writes the pattern without draining until the write buffer is above {@link #HIGH} (the peer
     * must not be reading).
     *
     * @return how many bytes were written
     */
    private static long fillUntilPaused(Connection c) throws IOException {
        Transport t = c.writer().transport();
        t.setWriteBufferLimits(HIGH, LOW);
        byte[] chunk = new byte[CHUNK];
        long sent = 0;
        while (t.writeBufferSize() <= HIGH) {
            if (sent > (256 << 20)) {
                fail("256 MiB written and the write buffer still holds only " + t.writeBufferSize() + " bytes");
            }
            fill(chunk, sent);
            c.writer().write(chunk);
            sent += CHUNK;
        }
        return sent;
    }
}
