package io.aio4j.net;

import static io.aio4j.net.StreamReaderSpecTest.bytes;
import static io.aio4j.net.StreamReaderSpecTest.str;
import static io.aio4j.net.StreamReaderSpecTest.unwrap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.CancelledError;
import io.aio4j.EventLoop;
import io.aio4j.LoopTest;
import io.aio4j.Task;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link StreamReader} beyond specs 58 and 59: reads of every kind, EOF, flow control, errors, two
 * readers at once, and cancellation. Ported from CPython's {@code test_streams.py}
 * ({@code StreamTests}) where a test exists there; the comments name it. Fed by hand on the
 * virtual-time loop.
 */
@Timeout(10)
class StreamReaderTest extends LoopTest {
    static final byte[] DATA = StreamReaderSpecTest.DATA;

    // ------------------------------------------------------------------ read(n)

    // test_read_zero
    @Test
    void readOfZeroBytesReturnsAtOnceAndLeavesTheBuffer() {
        StreamReader stream = new StreamReader();
        stream.feedData(DATA);
        assertThat(run(() -> stream.read(0))).isEmpty();
        assertThat(stream.buffered()).isEqualTo(DATA.length);
    }

    // test_read
    @Test
    void readWaitsForTheNextChunkWhenNothingIsBuffered() {
        StreamReader stream = new StreamReader();
        Task<byte[]> read = loop.createTask(() -> stream.read(30));
        loop.runUntilIdle();
        assertThat(read.done()).as("nothing buffered: the read waits").isFalse();
        loop.callSoon(() -> stream.feedData(DATA));
        loop.runUntilIdle();
        assertThat(read.result()).isEqualTo(DATA);
        assertThat(stream.buffered()).isZero();
    }

    // test_read_limit: read(n) is not bounded by the limit
    @Test
    void readReturnsWhatIsBufferedUpToN() {
        StreamReader stream = new StreamReader(3);
        stream.feedData(bytes("chunk"));
        assertThat(str(run(() -> stream.read(5)))).isEqualTo("chunk");
        stream.feedData(bytes("chunk2"));
        assertThat(str(run(() -> stream.read(4)))).isEqualTo("chun");
        assertThat(str(run(() -> stream.read(100)))).isEqualTo("k2");
    }

    // test_read_line_breaks
    @Test
    void readReturnsOneFeedAtATimeOnlyIfThatIsAllThereIs() {
        StreamReader stream = new StreamReader();
        stream.feedData(bytes("line1"));
        stream.feedData(bytes("line2"));
        assertThat(str(run(() -> stream.read(5)))).isEqualTo("line1");
        assertThat(str(run(() -> stream.read(5)))).isEqualTo("line2");
    }

    // test_read_eof
    @Test
    void readAtEofReturnsAnEmptyArrayEveryTime() {
        StreamReader stream = new StreamReader();
        Task<byte[]> read = loop.createTask(() -> stream.read(1024));
        loop.callSoon(stream::feedEof);
        loop.runUntilIdle();
        assertThat(read.result()).isEmpty();
        assertThat(run(() -> stream.read(1024))).isEmpty();
        assertThat(run(() -> stream.read(-1))).isEmpty();
        assertThat(stream.atEof()).isTrue();
    }

    // test_read_until_eof
    @Test
    void readOfMinusOneReadsEverythingUntilEof() {
        StreamReader stream = new StreamReader(4); // smaller than the stream: read(-1) has no limit
        Task<byte[]> read = loop.createTask(() -> stream.read(-1));
        loop.runUntilIdle();
        loop.callSoon(() -> stream.feedData(bytes("chunk1\n")));
        loop.runUntilIdle();
        assertThat(read.done()).as("no EOF yet").isFalse();
        loop.callSoon(() -> {
            stream.feedData(bytes("chunk2"));
            stream.feedEof();
        });
        loop.runUntilIdle();
        assertThat(str(read.result())).isEqualTo("chunk1\nchunk2");
        assertThat(stream.buffered()).isZero();
    }

    // test_feed_empty_data, test_feed_nonempty_data
    @Test
    void feedingNothingChangesNothingAndFeedingAfterEofIsRefused() {
        StreamReader stream = new StreamReader();
        stream.feedData(new byte[0]);
        assertThat(stream.buffered()).isZero();
        stream.feedData(DATA);
        assertThat(stream.buffered()).isEqualTo(DATA.length);
        stream.feedEof();
        assertThatThrownBy(() -> stream.feedData(DATA)).isInstanceOf(IllegalStateException.class);
    }

    // test_at_eof
    @Test
    void atEofOnlyOnceTheEndCameAndEveryByteWasRead() {
        StreamReader stream = new StreamReader();
        assertThat(stream.atEof()).isFalse();
        stream.feedData(bytes("some data\n"));
        assertThat(stream.atEof()).isFalse();
        run(stream::readLine);
        assertThat(stream.atEof()).isFalse();
        stream.feedData(bytes("some data\n"));
        stream.feedEof();
        run(stream::readLine);
        assertThat(stream.atEof()).isTrue();
    }

    // ------------------------------------------------------------------ readLine, readUntil

    // test_readline
    @Test
    void readLineWaitsUntilTheNewlineArrives() {
        StreamReader stream = new StreamReader();
        stream.feedData(bytes("chunk1 "));
        Task<byte[]> read = loop.createTask(stream::readLine);
        loop.runUntilIdle();
        loop.callSoon(() -> stream.feedData(bytes("chunk2 ")));
        loop.runUntilIdle();
        assertThat(read.done()).isFalse();
        loop.callSoon(() -> stream.feedData(bytes("chunk3\nchunk4")));
        loop.runUntilIdle();
        assertThat(str(read.result())).isEqualTo("chunk1 chunk2 chunk3\n");
        assertThat(str(run(() -> stream.read(100)))).isEqualTo("chunk4");
    }

    // test_readline_eof, test_readline_empty_eof
    @Test
    void readLineAtEofReturnsTheLastBytesWithoutNewlineThenNothing() {
        StreamReader stream = new StreamReader();
        stream.feedData(bytes("some data"));
        stream.feedEof();
        assertThat(str(run(stream::readLine))).isEqualTo("some data");
        assertThat(run(stream::readLine)).isEmpty();

        StreamReader empty = new StreamReader();
        empty.feedEof();
        assertThat(run(empty::readLine)).isEmpty();
    }

    // test_readline_read_byte_count
    @Test
    void readLineThenReadTakeTheBytesInOrder() {
        StreamReader stream = new StreamReader();
        stream.feedData(DATA);
        run(stream::readLine);
        assertThat(str(run(() -> stream.read(7)))).isEqualTo("line2\nl");
        assertThat(str(run(stream::readLine))).isEqualTo("ine3\n");
    }

    // test_readline_limit_with_existing_data
    @Test
    void aLongLineAlreadyBufferedIsDroppedAndTheNextLineKept() {
        StreamReader stream = new StreamReader(3);
        stream.feedData(bytes("li"));
        stream.feedData(bytes("ne1\nline2\n"));
        run(() -> {
            assertThatThrownBy(stream::readLine).isInstanceOf(LimitOverrunException.class);
        });
        assertThat(str(run(() -> stream.read(100)))).as("the buffer keeps the remaining data").isEqualTo("line2\n");

        // No newline and already more than the limit: the whole buffer goes.
        StreamReader stream2 = new StreamReader(3);
        stream2.feedData(bytes("li"));
        stream2.feedData(bytes("ne1"));
        stream2.feedData(bytes("li"));
        run(() -> {
            assertThatThrownBy(stream2::readLine).isInstanceOf(LimitOverrunException.class);
        });
        assertThat(stream2.buffered()).isZero();
    }

    @Test
    void aLineThatOutgrowsTheLimitWhileWaitingIsDroppedAndTheNextLineReadable() {
        StreamReader stream = new StreamReader(7);
        Task<byte[]> read = loop.createTask(stream::readLine);
        loop.runUntilIdle();
        loop.callSoon(() -> stream.feedData(bytes("chunk1")));
        loop.runUntilIdle();
        assertThat(read.done()).isFalse();
        loop.callSoon(() -> stream.feedData(bytes("chunk2")));
        loop.runUntilIdle();
        assertThat(unwrap(read.exception())).isInstanceOf(LimitOverrunException.class).hasMessageContaining("not found");
        assertThat(stream.buffered()).as("no newline yet: the buffer is cleared").isZero();
        stream.feedData(bytes("ok\n"));
        assertThat(str(run(stream::readLine))).isEqualTo("ok\n");
    }

    // test_readuntil_multi_chunks
    @Test
    void readUntilReturnsTheChunkWithItsSeparatorAndLeavesTheRest() {
        StreamReader stream = new StreamReader();
        stream.feedData(bytes("lineAAA"));
        assertThat(str(run(() -> stream.readUntil(bytes("AAA"))))).isEqualTo("lineAAA");
        assertThat(stream.buffered()).isZero();
        stream.feedData(bytes("lineAAAxxx"));
        assertThat(str(run(() -> stream.readUntil(bytes("AAA"))))).isEqualTo("lineAAA");
        assertThat(str(run(() -> stream.read(10)))).isEqualTo("xxx");
    }

    // test_readuntil_multi_chunks_1
    @Test
    void readUntilFindsASeparatorSplitAcrossFeeds() {
        StreamReader stream = new StreamReader();
        String[][] cases = {
            {"QWEaa", "XYaa", "a"}, // "QWEaaXYaaa"
            {"QWEaa", "XYa", "aa"},
            {"aaa"},
            {"Xaaa"},
            {"XXX", "a", "a", "a"},
        };
        for (String[] feeds : cases) {
            for (String f : feeds) {
                stream.feedData(bytes(f));
            }
            assertThat(str(run(() -> stream.readUntil(bytes("aaa"))))).isEqualTo(String.join("", feeds));
            assertThat(stream.buffered()).isZero();
        }
    }

    @Test
    void readUntilWaitingAcrossFeedsFindsASeparatorSplitBetweenThem() {
        StreamReader stream = new StreamReader();
        Task<byte[]> read = loop.createTask(() -> stream.readUntil(bytes("\r\n\r\n")));
        for (String f : new String[] {"GET / HTTP/1.1\r", "\nHost: x\r\n", "\r", "\nbody"}) {
            loop.runUntilIdle();
            assertThat(read.done()).as("before %s", f.replace("\r", "\\r").replace("\n", "\\n")).isFalse();
            loop.callSoon(() -> stream.feedData(bytes(f)));
        }
        loop.runUntilIdle();
        assertThat(str(read.result())).isEqualTo("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(str(run(() -> stream.read(10)))).isEqualTo("body");
    }

    // test_readuntil_separator
    @Test
    void readUntilNeedsASeparator() {
        StreamReader stream = new StreamReader();
        run(() -> {
            assertThatThrownBy(() -> stream.readUntil(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        });
    }

    // ------------------------------------------------------------------ readExactly

    // test_readexactly
    @Test
    void readExactlyWaitsUntilItHasAllItAskedFor() {
        StreamReader stream = new StreamReader();
        int n = 2 * DATA.length;
        Task<byte[]> read = loop.createTask(() -> stream.readExactly(n));
        loop.callSoon(() -> {
            stream.feedData(DATA);
            stream.feedData(DATA);
            stream.feedData(DATA);
        });
        loop.runUntilIdle();
        assertThat(read.result()).isEqualTo(bytes(str(DATA) + str(DATA)));
        assertThat(stream.buffered()).isEqualTo(DATA.length);
    }

    // test_readexactly_limit
    @Test
    void readExactlyIsNotBoundedByTheLimit() {
        StreamReader stream = new StreamReader(3);
        stream.feedData(bytes("chunk"));
        assertThat(str(run(() -> stream.readExactly(5)))).isEqualTo("chunk");
    }

    // ------------------------------------------------------------------ flow control

    @Test
    void pausesItsTransportAboveTwiceTheLimitAndResumesItAtTheLimit() {
        StreamReader stream = new StreamReader(4);
        FlowTransport t = new FlowTransport(loop);
        stream.setTransport(t);
        stream.feedData(bytes("12345678")); // 8 = 2 * limit: not above
        assertThat(t.events).isEmpty();
        stream.feedData(bytes("9"));
        assertThat(t.events).containsExactly("pause");
        stream.feedData(bytes("abc")); // still paused: no second pause
        assertThat(t.events).containsExactly("pause");
        assertThat(str(run(() -> stream.read(7)))).isEqualTo("1234567");
        assertThat(t.events).as("5 bytes left, above the limit").containsExactly("pause");
        assertThat(str(run(() -> stream.read(1)))).isEqualTo("8");
        assertThat(t.events).as("4 bytes left: at the limit").containsExactly("pause", "resume");
    }

    @Test
    void aReadThatMustWaitResumesAPausedTransport() {
        StreamReader stream = new StreamReader(2);
        FlowTransport t = new FlowTransport(loop);
        stream.setTransport(t);
        Task<byte[]> read = loop.createTask(() -> stream.readExactly(10));
        loop.runUntilIdle();
        loop.callSoon(() -> stream.feedData(bytes("12345")));
        loop.runUntilIdle();
        assertThat(t.events).as("paused by the feed, resumed by the read that still waits")
                .containsExactly("pause", "resume");
        loop.callSoon(() -> stream.feedData(bytes("67890")));
        loop.runUntilIdle();
        assertThat(str(read.result())).isEqualTo("1234567890");
        assertThat(t.events).containsExactly("pause", "resume", "pause", "resume");
    }

    @Test
    void aLineDroppedForItsLengthResumesThePausedTransport() {
        StreamReader stream = new StreamReader(2);
        FlowTransport t = new FlowTransport(loop);
        stream.setTransport(t);
        stream.feedData(bytes("toolong\n"));
        assertThat(t.events).containsExactly("pause");
        run(() -> {
            assertThatThrownBy(stream::readLine).isInstanceOf(LimitOverrunException.class);
        });
        assertThat(t.events).containsExactly("pause", "resume");
    }

    @Test
    void aTransportThatCannotPauseIsNotAskedAgain() {
        StreamReader stream = new StreamReader(1);
        FlowTransport t = new FlowTransport(loop);
        t.canPause = false;
        stream.setTransport(t);
        stream.feedData(bytes("123"));
        stream.feedData(bytes("456"));
        assertThat(t.events).containsExactly("pause refused");
        assertThat(str(run(() -> stream.read(10)))).isEqualTo("123456");
    }

    // ------------------------------------------------------------------ errors

    // test_exception
    @Test
    void setExceptionIsRemembered() {
        StreamReader stream = new StreamReader();
        assertThat(stream.exception()).isNull();
        IOException e = new IOException("boom");
        stream.setException(e);
        assertThat(stream.exception()).isSameAs(e);
    }

    // test_exception_waiter
    @Test
    void setExceptionWakesTheWaitingReaderWithIt() {
        StreamReader stream = new StreamReader();
        BrokenResourceException e = new BrokenResourceException("reset");
        Task<byte[]> read = loop.createTask(stream::readLine);
        loop.runUntilIdle();
        loop.callSoon(() -> stream.setException(e));
        loop.runUntilIdle();
        assertThat(unwrap(read.exception())).isSameAs(e);
        run(() -> {
            assertThatThrownBy(() -> stream.read(1)).isSameAs(e);
            assertThatThrownBy(() -> stream.readExactly(1)).isSameAs(e);
            assertThatThrownBy(() -> stream.read(-1)).isSameAs(e);
        });
    }

    // test_read_exception, test_readline_exception, test_readexactly_exception: asyncio raises at
    // once; we let a read take what is already buffered and raise when it needs more (the bytes
    // arrived before the error and are the peer's).
    @Test
    void bytesBufferedBeforeAnErrorAreStillReadThenTheErrorComes() {
        StreamReader stream = new StreamReader();
        stream.feedData(bytes("line\npart"));
        BrokenResourceException e = new BrokenResourceException("reset");
        stream.setException(e);
        run(() -> {
            assertThat(str(stream.readLine())).isEqualTo("line\n");
            assertThatThrownBy(stream::readLine).as("no newline before the error").isSameAs(e);
            assertThat(str(stream.read(10))).as("a failed read took nothing").isEqualTo("part");
            assertThatThrownBy(() -> stream.read(10)).isSameAs(e);
        });
    }

    // test_exception_cancel
    @Test
    void anErrorAfterTheWaitingReaderWasCancelledIsHarmless() {
        StreamReader stream = new StreamReader();
        Task<byte[]> read = loop.createTask(stream::readLine);
        loop.runUntilIdle();
        read.cancel();
        loop.runUntilIdle();
        stream.setException(new IOException("message"));
        loop.runUntilIdle();
        assertThat(read.cancelled()).isTrue();
        assertThat(stream.toString()).doesNotContain("waiter");
        assertThat(reports).isEmpty();
    }

    // ------------------------------------------------------------------ two readers, cancellation

    @Test
    void aSecondReaderWhileOneWaitsIsBusy() {
        StreamReader stream = new StreamReader();
        Task<byte[]> first = loop.createTask(stream::readLine);
        loop.runUntilIdle();
        run(() -> {
            assertThatThrownBy(stream::readLine).isInstanceOf(BusyResourceException.class)
                    .hasMessageContaining("readUntil() called while another task is already waiting");
            assertThatThrownBy(() -> stream.read(1)).isInstanceOf(BusyResourceException.class);
            assertThatThrownBy(() -> stream.readExactly(1)).isInstanceOf(BusyResourceException.class);
        });
        assertThat(first.done()).as("the first reader still waits").isFalse();
        loop.callSoon(() -> stream.feedData(bytes("mine\n")));
        loop.runUntilIdle();
        assertThat(str(first.result())).isEqualTo("mine\n");
    }

    @Test
    void aCancelledReadExactlyTakesNothing() {
        StreamReader stream = new StreamReader();
        Task<byte[]> read = loop.createTask(() -> stream.readExactly(10));
        loop.runUntilIdle();
        loop.callSoon(() -> stream.feedData(bytes("0123")));
        loop.runUntilIdle();
        read.cancel();
        loop.runUntilIdle();
        assertThat(read.cancelled()).isTrue();
        assertThat(stream.buffered()).as("the 4 bytes stay for the next read").isEqualTo(4);
        stream.feedData(bytes("456789"));
        assertThat(str(run(() -> stream.readExactly(10)))).isEqualTo("0123456789");
    }

    @Test
    void aCancelledReadUntilTakesNothingEvenIfDataArrivedBeforeItRan() {
        StreamReader stream = new StreamReader();
        Task<byte[]> read = loop.createTask(() -> stream.readUntil(bytes("END")));
        loop.runUntilIdle();
        loop.callSoon(() -> {
            stream.feedData(bytes("abcEND")); // wakes the reader...
            read.cancel(); // ...which is cancelled before it runs
        });
        loop.runUntilIdle();
        assertThat(read.cancelled()).isTrue();
        assertThat(str(run(() -> stream.readUntil(bytes("END"))))).isEqualTo("abcEND");
    }

    @Test
    void aCancelledReaderFreesTheStreamAtOnce() {
        StreamReader stream = new StreamReader();
        Task<byte[]> read = loop.createTask(stream::readLine);
        loop.runUntilIdle();
        byte[] line = run(() -> {
            read.cancel(); // the cancelled task has not run its clean-up yet
            Task<?> feeder = loop.createTask(() -> stream.feedData(bytes("next\n")));
            byte[] got = stream.readLine();
            io.aio4j.Aio.await(feeder);
            return got;
        });
        assertThat(str(line)).isEqualTo("next\n");
        assertThat(read.cancelled()).isTrue();
        assertThatThrownBy(read::result).isInstanceOf(CancelledError.class);
    }

    @Test
    void toStringShowsTheState() {
        StreamReader stream = new StreamReader(7);
        stream.feedData(bytes("abc"));
        stream.feedEof();
        assertThat(stream).hasToString("<StreamReader 3 bytes eof limit=7>");
        assertThat(new StreamReader()).hasToString("<StreamReader>");
    }

    /** A transport that only records flow control calls. */
    static final class FlowTransport implements Transport {
        final java.util.List<String> events = new java.util.ArrayList<>();
        final EventLoop loop;
        boolean canPause = true;

        FlowTransport(EventLoop loop) {
            this.loop = loop;
        }

        @Override
        public void pauseReading() {
            if (!canPause) {
                events.add("pause refused");
                throw new UnsupportedOperationException("cannot pause");
            }
            events.add("pause");
        }

        @Override
        public void resumeReading() {
            events.add("resume");
        }

        @Override
        public void write(ByteBuffer data) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void writeEof() {}

        @Override
        public boolean canWriteEof() {
            return false;
        }

        @Override
        public void close() {}

        @Override
        public void abort() {}

        @Override
        public boolean isClosing() {
            return false;
        }

        @Override
        public boolean isReading() {
            return true;
        }

        @Override
        public void setWriteBufferLimits(int high, int low) {}

        @Override
        public long writeBufferSize() {
            return 0;
        }

        @Override
        public BaseProtocol protocol() {
            return null;
        }

        @Override
        public void setProtocol(BaseProtocol protocol) {}

        @Override
        public SocketAddress localAddress() {
            return null;
        }

        @Override
        public SocketAddress remoteAddress() {
            return null;
        }

        @Override
        public EventLoop loop() {
            return loop;
        }

        @Override
        public String toString() {
            return "<FlowTransport>";
        }
    }
}
