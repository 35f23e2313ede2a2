package io.aio4j.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.LoopTest;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ASYNCIO-SEMANTICS §3.9, specs 58 and 59: one test per CPython test of {@code test_streams.py}
 * (class {@code StreamTests}), named after it. The reader is fed by hand, as CPython's tests feed
 * theirs; where CPython looks at {@code stream._buffer}, these tests read what is left.
 */
@Timeout(10)
class StreamReaderSpecTest extends LoopTest {
    /** CPython's {@code StreamTests.DATA}. */
    static final byte[] DATA = bytes("line1\nline2\nline3\n");

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static String str(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }

    /** What is buffered, taken without waiting (the reader must hold at least that much). */
    private String drainBuffer(StreamReader stream) {
        int n = stream.buffered();
        return n == 0 ? "" : str(run(() -> stream.read(n)));
    }

    // ASYNCIO-SEMANTICS §3.9 spec 58 (StreamTests::test_readexactly_eof)
    @Test
    @DisplayName("readExactly at EOF raises IncompleteRead with the partial bytes and the expected count")
    void readexactlyEof() {
        StreamReader stream = new StreamReader();
        int n = 2 * DATA.length;
        var readTask = loop.createTask(() -> stream.readExactly(n));
        loop.callSoon(() -> {
            stream.feedData(DATA);
            stream.feedEof();
        });
        loop.runUntilIdle();
        assertThat(readTask.done()).isTrue();
        IncompleteReadException e = (IncompleteReadException) unwrap(readTask.exception());
        assertThat(e.partial()).isEqualTo(DATA);
        assertThat(e.expected()).isEqualTo(OptionalInt.of(n));
        assertThat(e).hasMessage("18 bytes read on a total of 36 expected bytes");
        assertThat(stream.buffered()).isZero();
    }

    // ASYNCIO-SEMANTICS §3.9 spec 58 (StreamTests::test_readexactly_zero_or_less)
    @Test
    @DisplayName("readExactly(0) returns nothing and readExactly(-1) is refused; neither touches the buffer")
    void readexactlyZeroOrLess() {
        StreamReader stream = new StreamReader();
        stream.feedData(DATA);
        assertThat(run(() -> stream.readExactly(0))).isEmpty();
        assertThat(stream.buffered()).isEqualTo(DATA.length);
        run(() -> {
            assertThatThrownBy(() -> stream.readExactly(-1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("less than zero");
        });
        assertThat(drainBuffer(stream)).isEqualTo(str(DATA));
    }

    // ASYNCIO-SEMANTICS §3.9 spec 59 (StreamTests::test_readline_limit)
    @Test
    @DisplayName("a line longer than the limit is refused and consumed up to its newline, or the buffer cleared")
    void readlineLimit() {
        // The buffer had just one line of data; after the error it is empty.
        StreamReader stream = new StreamReader(7);
        loop.callSoon(() -> {
            stream.feedData(bytes("chunk1"));
            stream.feedData(bytes("chunk2"));
            stream.feedData(bytes("chunk3\n"));
            stream.feedEof();
        });
        run(() -> {
            assertThatThrownBy(stream::readLine).isInstanceOf(LimitOverrunException.class);
        });
        assertThat(stream.buffered()).isZero();

        // Two lines: the long one is consumed with its newline, the next one stays.
        StreamReader stream2 = new StreamReader(7);
        loop.callSoon(() -> {
            stream2.feedData(bytes("chunk1"));
            stream2.feedData(bytes("chunk2\n"));
            stream2.feedData(bytes("chunk3\n"));
            stream2.feedEof();
        });
        run(() -> {
            assertThatThrownBy(stream2::readLine).isInstanceOf(LimitOverrunException.class);
        });
        assertThat(drainBuffer(stream2)).isEqualTo("chunk3\n");

        // The limit is strict: 7 bytes and a newline pass, 8 do not.
        StreamReader stream3 = new StreamReader(7);
        stream3.feedData(bytes("1234567\n"));
        assertThat(str(run(stream3::readLine))).isEqualTo("1234567\n");
        assertThat(stream3.buffered()).isZero();

        stream3.feedData(bytes("12345678\n"));
        run(() -> {
            assertThatThrownBy(stream3::readLine).isInstanceOf(LimitOverrunException.class);
        });
        assertThat(stream3.buffered()).isZero();

        stream3.feedData(bytes("12345678"));
        run(() -> {
            assertThatThrownBy(stream3::readLine).isInstanceOf(LimitOverrunException.class);
        });
        assertThat(stream3.buffered()).isZero();
    }

    // ASYNCIO-SEMANTICS §3.9 spec 59 (StreamTests::test_readuntil_limit_found_sep)
    @Test
    @DisplayName("readUntil tells a separator not found within the limit from one found beyond it, keeping the buffer")
    void readuntilLimitFoundSep() {
        StreamReader stream = new StreamReader(3);
        stream.feedData(bytes("some dataAA"));
        run(() -> {
            assertThatThrownBy(() -> stream.readUntil(bytes("AAA")))
                    .isInstanceOf(LimitOverrunException.class)
                    .hasMessageContaining("not found");
        });
        assertThat(stream.buffered()).isEqualTo("some dataAA".length());

        stream.feedData(bytes("A"));
        run(() -> {
            assertThatThrownBy(() -> stream.readUntil(bytes("AAA")))
                    .isInstanceOf(LimitOverrunException.class)
                    .hasMessageContaining("is found")
                    .satisfies(e -> assertThat(((LimitOverrunException) e).consumed()).isEqualTo(9));
        });
        assertThat(drainBuffer(stream)).isEqualTo("some dataAAA");
    }

    // ASYNCIO-SEMANTICS §3.9 spec 59 (StreamTests::test_readuntil_eof)
    @Test
    @DisplayName("readUntil at EOF without the separator raises IncompleteRead with no expected count")
    void readuntilEof() {
        StreamReader stream = new StreamReader();
        stream.feedData(bytes("some dataAA"));
        stream.feedEof();
        run(() -> {
            assertThatThrownBy(() -> stream.readUntil(bytes("AAA")))
                    .isInstanceOf(IncompleteReadException.class)
                    .hasMessageContaining("undefined expected bytes")
                    .satisfies(e -> {
                        IncompleteReadException ire = (IncompleteReadException) e;
                        assertThat(str(ire.partial())).isEqualTo("some dataAA");
                        assertThat(ire.expected()).isEmpty();
                    });
        });
        assertThat(stream.buffered()).isZero();
    }

    static Throwable unwrap(Throwable t) {
        return t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
