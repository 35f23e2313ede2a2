package io.aio4j.http.internal.codec;

import static io.aio4j.http.internal.codec.ByteClass.CR;
import static io.aio4j.http.internal.codec.ByteClass.HTAB;
import static io.aio4j.http.internal.codec.ByteClass.LF;
import static io.aio4j.http.internal.codec.ByteClass.SP;
import static io.aio4j.http.internal.codec.ByteClass.describe;

import io.aio4j.http.BadHttpMessageException;
import io.aio4j.http.LineTooLongException;
import io.aio4j.http.TransferEncodingException;
import java.nio.ByteBuffer;

/**
 * One thread only (the parser's): reads a chunked body (RFC 9112 §7.1) up to its trailer section,
 * which the parser reads as fields. Chunk sizes are hex digits that must fit in 63 bits; a request
 * may not put whitespace after one, a response may (policy §1); extensions are checked and skipped;
 * a response's lines may end with LF alone. Data goes to the listener as views of the input.
 */
final class ChunkedBodyReader {
    /** Where in the chunk grammar the last byte left us. */
    private enum At { SIZE, SIZE_WS, EXTENSIONS, SIZE_LF, DATA, DATA_CR, DATA_LF, TRAILERS }

    private final MessageListener<?> listener;
    private final int maxLineLength;
    private final boolean lenient;
    private final ChunkExtensions extensions = new ChunkExtensions();

    private At at = At.SIZE;
    /** The chunk size while reading it, then the data bytes left in the chunk. */
    private long remaining;
    private int digits;
    private int lineLength;
    /** Stream offset of index 0 of the input being read, for errors. */
    private long base;

    ChunkedBodyReader(MessageListener<?> listener, int maxLineLength, boolean lenient) {
        this.listener = listener;
        this.maxLineLength = maxLineLength;
        this.lenient = lenient;
    }

    /** Starts a body: its first chunk-size line is next. */
    void start() {
        startSizeLine();
    }

    /** Says whether the last chunk was read, so the trailer section is next. */
    boolean atTrailers() {
        return at == At.TRAILERS;
    }

    /**
     * Consumes at least one byte of the body, calling the listener for what it completes.
     *
     * @param base the stream offset of index 0 of {@code in}, for errors
     * @return the index after the bytes consumed
     */
    int step(ByteBuffer in, int p, int end, long base) throws BadHttpMessageException {
        this.base = base;
        return switch (at) {
            case SIZE -> size(in, p, end);
            case SIZE_WS -> afterSize(in.get(p), p);
            case EXTENSIONS -> extensions(in, p, end);
            case SIZE_LF -> {
                expect(in.get(p) == LF, "chunk size line", "CR not followed by LF", p);
                yield sizeLineEnd(p + 1);
            }
            case DATA -> data(in, p, end);
            case DATA_CR -> {
                byte b = in.get(p);
                if (b == CR) {
                    at = At.DATA_LF;
                } else if (b == LF && lenient) {
                    startSizeLine();
                } else {
                    throw new TransferEncodingException("chunk data", "not followed by CRLF, got " + describe(b), base + p);
                }
                yield p + 1;
            }
            case DATA_LF -> {
                expect(in.get(p) == LF, "chunk data", "CR not followed by LF", p);
                startSizeLine();
                yield p + 1;
            }
            case TRAILERS -> throw new IllegalStateException("the trailer section is the parser's");
        };
    }

    private void startSizeLine() {
        at = At.SIZE;
        remaining = 0;
        digits = 0;
        lineLength = 0;
    }

    private int size(ByteBuffer in, int p, int end) throws BadHttpMessageException {
        int q = p;
        for (; q < end; q++) {
            int digit = ByteClass.hexValue(in.get(q));
            if (digit < 0) {
                break;
            }
            expect((remaining >>> 59) == 0, "chunk size", "does not fit in 63 bits", q);
            remaining = (remaining << 4) | digit;
            digits++;
        }
        count(q - p, p);
        if (q == end) {
            return q;
        }
        if (digits == 0) {
            throw new TransferEncodingException("chunk size", "expected a hex digit, got " + describe(in.get(q)), base + q);
        }
        return afterSize(in.get(q), q);
    }

    /** After the size, or whitespace after it, or extensions: one byte. */
    private int afterSize(byte b, int p) throws BadHttpMessageException {
        switch (b) {
            case ';' -> {
                count(1, p);
                extensions.start();
                at = At.EXTENSIONS;
            }
            case CR -> at = At.SIZE_LF;
            case LF -> {
                expect(lenient, "chunk size line", HttpParser.LF_ONLY, p);
                return sizeLineEnd(p + 1);
            }
            case SP, HTAB -> {
                expect(lenient, "chunk size", "whitespace after it is not allowed in requests", p);
                count(1, p);
                at = At.SIZE_WS;
            }
            default -> throw new TransferEncodingException("chunk size", "expected a hex digit, ';' or CRLF, got "
                    + describe(b), base + p);
        }
        return p + 1;
    }

    private int extensions(ByteBuffer in, int p, int end) throws BadHttpMessageException {
        int q = extensions.scan(in, p, end, base);
        count(q - p, p);
        return q == end ? q : afterSize(in.get(q), q); // CR or LF
    }

    private int sizeLineEnd(int p) {
        listener.onChunkHeader(remaining);
        at = remaining > 0 ? At.DATA : At.TRAILERS;
        return p;
    }

    private int data(ByteBuffer in, int p, int end) {
        int n = (int) Math.min(remaining, end - p);
        remaining -= n;
        if (remaining == 0) {
            at = At.DATA_CR;
        }
        listener.onBody(in.slice(p, n));
        return p + n;
    }

    private void count(int n, int p) throws LineTooLongException {
        lineLength += n;
        if (lineLength > maxLineLength) {
            throw new LineTooLongException("chunk size line", maxLineLength, base + p + n - (lineLength - maxLineLength));
        }
    }

    private void expect(boolean ok, String what, String why, int p) throws TransferEncodingException {
        if (!ok) {
            throw new TransferEncodingException(what, why, base + p);
        }
    }
}
