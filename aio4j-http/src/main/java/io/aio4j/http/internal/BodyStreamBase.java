package io.aio4j.http.internal;

import io.aio4j.http.BodyStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Loop thread only. A {@link BodyStream} over a source of pieces: the reads of every kind, with a
 * one-piece buffer. The client's response bodies and the server's request bodies extend it with
 * where their pieces come from and the errors of their side.
 */
public abstract class BodyStreamBase implements BodyStream {
    /** The longest line {@link #readLine()} returns: aiohttp's default limit, 64 KiB. */
    protected static final int MAX_LINE = 64 * 1024;
    private static final byte[] EMPTY = new byte[0];

    /** Bytes taken from the source and not yet returned: buf[start, end). */
    private byte[] buf = EMPTY;
    private int start;
    private boolean eof;

    /** Creates the stream, nothing read yet. */
    protected BodyStreamBase() {
    }

    /**
     * Takes the next piece of the body. Suspends the calling task until one comes.
     *
     * @return the piece (maybe empty), or {@code null} at the end of the body
     * @throws IOException if the body failed
     */
    protected abstract byte[] nextPiece() throws IOException;

    /**
     * Makes the error for a body that ended before {@link #readExactly} had its bytes.
     *
     * @param partial what came
     * @param expected how many were asked for
     * @return the exception to throw
     */
    protected abstract IOException endedShort(byte[] partial, int expected);

    /**
     * Makes the error for a line longer than {@link #MAX_LINE}.
     *
     * @return the exception to throw
     */
    protected abstract IOException lineTooLong();

    /** Makes the buffer hold unread bytes; false at the end. */
    private boolean fill() throws IOException {
        while (start == buf.length) {
            if (eof) {
                return false;
            }
            byte[] next = nextPiece();
            if (next == null) {
                eof = true;
                return false;
            }
            buf = next;
            start = 0;
        }
        return true;
    }

    private byte[] take(int n) {
        byte[] r = start == 0 && n == buf.length ? buf : Arrays.copyOfRange(buf, start, start + n);
        start += n;
        return r;
    }

    @Override
    public byte[] readAny() throws IOException {
        return fill() ? take(buf.length - start) : EMPTY;
    }

    @Override
    public byte[] read(int n) throws IOException {
        if (n < -1) {
            throw new IllegalArgumentException("n must be -1 (all) or more: " + n);
        }
        if (n == -1) {
            return readAll(Long.MAX_VALUE);
        }
        return n == 0 || !fill() ? EMPTY : take(Math.min(n, buf.length - start));
    }

    /**
     * Reads everything that is left, refusing more than a limit.
     *
     * @param limit the most bytes
     * @return the bytes, or {@code null} if there were more than the limit
     * @throws IOException if the body failed
     */
    public byte[] readAll(long limit) throws IOException {
        if (!fill()) {
            return EMPTY;
        }
        byte[] first = take(buf.length - start);
        if (first.length > limit) {
            return null;
        }
        if (!fill()) {
            return first; // the usual case of a small body: one piece, no copy
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream(first.length * 2);
        all.writeBytes(first);
        do {
            if (all.size() + (buf.length - start) > limit) {
                return null;
            }
            all.writeBytes(take(buf.length - start));
        } while (fill());
        return all.toByteArray();
    }

    @Override
    public byte[] readExactly(int n) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream(Math.min(n, 1 << 16));
        while (got.size() < n) {
            if (!fill()) {
                throw endedShort(got.toByteArray(), n);
            }
            got.writeBytes(take(Math.min(n - got.size(), buf.length - start)));
        }
        return got.toByteArray();
    }

    @Override
    public byte[] readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (fill()) {
            int nl = -1;
            for (int i = start; i < buf.length; i++) {
                if (buf[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int n = (nl >= 0 ? nl + 1 : buf.length) - start;
            if (line.size() + n > MAX_LINE) {
                throw lineTooLong();
            }
            line.writeBytes(take(n));
            if (nl >= 0) {
                break;
            }
        }
        return line.toByteArray();
    }

    @Override
    public boolean atEof() {
        return eof && start == buf.length;
    }
}
