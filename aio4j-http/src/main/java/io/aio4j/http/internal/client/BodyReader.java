package io.aio4j.http.internal.client;

import io.aio4j.http.ClientException;
import io.aio4j.http.ClientPayloadException;
import io.aio4j.http.BodyStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Loop thread only. A response body as a stream ({@link BodyStream}): the exchange's pieces,
 * decompressed, with a small buffer for {@code read(n)}, {@code readExactly} and
 * {@code readLine}. It tells its response when the end is reached, which releases the connection.
 */
final class BodyReader implements BodyStream {
    /** The longest line {@link #readLine()} returns: aiohttp's default limit, 64 KiB. */
    private static final int MAX_LINE = 64 * 1024;
    private static final byte[] EMPTY = new byte[0];

    private final Exchange exchange;
    private final BodyDecoder decoder;
    private final Runnable atEnd;
    /** Bytes taken from the exchange and not yet returned: buf[start, end). */
    private byte[] buf = EMPTY;
    private int start;
    private boolean eof;

    BodyReader(Exchange exchange, BodyDecoder decoder, Runnable atEnd) {
        this.exchange = exchange;
        this.decoder = decoder;
        this.atEnd = atEnd;
    }

    /** Fills the buffer with the next piece; false at the end. */
    private boolean fill() throws ClientException {
        while (start == buf.length) {
            if (eof) {
                return false;
            }
            byte[] raw;
            try {
                raw = exchange.next();
            } catch (ClientException e) {
                if (decoder != null) {
                    decoder.end();
                }
                throw e;
            }
            if (raw == null) {
                eof = true;
                if (decoder != null) {
                    decoder.finish();
                }
                atEnd.run();
                return false;
            }
            buf = decoder == null ? raw : decoder.decode(raw);
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
    public byte[] readAny() throws ClientException {
        return fill() ? take(buf.length - start) : EMPTY;
    }

    @Override
    public byte[] read(int n) throws ClientException {
        if (n < -1) {
            throw new IllegalArgumentException("n must be -1 (all) or more: " + n);
        }
        if (n == -1) {
            if (!fill()) {
                return EMPTY;
            }
            byte[] first = take(buf.length - start);
            if (!fill()) {
                return first; // the usual case of a small body: one piece, no copy
            }
            ByteArrayOutputStream all = new ByteArrayOutputStream(first.length * 2);
            all.writeBytes(first);
            do {
                all.writeBytes(take(buf.length - start));
            } while (fill());
            return all.toByteArray();
        }
        if (n == 0 || !fill()) {
            return EMPTY;
        }
        return take(Math.min(n, buf.length - start));
    }

    @Override
    public byte[] readExactly(int n) throws ClientException {
        ByteArrayOutputStream got = new ByteArrayOutputStream(Math.min(n, 1 << 16));
        while (got.size() < n) {
            if (!fill()) {
                throw new ClientPayloadException("Response payload ended after " + got.size() + " of the " + n
                        + " bytes expected", null);
            }
            got.writeBytes(take(Math.min(n - got.size(), buf.length - start)));
        }
        return got.toByteArray();
    }

    @Override
    public byte[] readLine() throws ClientException {
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
                throw new ClientPayloadException("Response line is longer than " + MAX_LINE + " bytes", null);
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
