package io.aio4j.http.internal.client;

import io.aio4j.http.ClientPayloadException;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Loop thread only (one response's). Decompresses a body that arrives in pieces: {@code gzip}
 * (RFC 1952; members one after another are all read, as zlib's gunzip does) or {@code deflate}
 * (zlib-wrapped as RFC 9110 says, or raw as some servers send it), with a limit on the decompressed
 * size that stops a decompression bomb. {@code java.util.zip}'s streams block on their input, so
 * the formats' framing is read here and only the inflating is the JDK's.
 */
final class BodyDecoder {
    /** Where the decoder is: a gzip member's header (or deflate's first two bytes), data, trailer. */
    private enum Step { HEADER, DATA, TRAILER, END }

    private final boolean gzip;
    private final long maxSize;
    private final CRC32 crc = new CRC32();
    /** Header, trailer or first bytes, gathered until they are whole. */
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final byte[] out = new byte[32 * 1024];
    private Inflater inflater;
    private Step step = Step.HEADER;
    private boolean sawInput;
    private long produced;
    private long memberSize;

    private BodyDecoder(boolean gzip, long maxSize) {
        this.gzip = gzip;
        this.maxSize = maxSize;
    }

    /**
     * Returns a decoder for a {@code Content-Encoding}, or {@code null} for the identity or an
     * encoding it does not know (the caller then gets the bytes as they are, as aiohttp does).
     *
     * @param contentEncoding the header's value, or {@code null}
     * @param maxSize the largest decompressed body
     * @return the decoder, or {@code null}
     */
    static BodyDecoder forEncoding(String contentEncoding, long maxSize) {
        if (contentEncoding == null) {
            return null;
        }
        return switch (contentEncoding.strip().toLowerCase(Locale.ROOT)) {
            case "gzip", "x-gzip" -> new BodyDecoder(true, maxSize);
            case "deflate" -> new BodyDecoder(false, maxSize);
            default -> null;
        };
    }

    /**
     * Decompresses a piece of the body.
     *
     * @param in compressed bytes
     * @return the bytes they give, maybe none
     * @throws ClientPayloadException if the data is broken or passes the size limit
     */
    byte[] decode(byte[] in) throws ClientPayloadException {
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        sawInput |= in.length > 0;
        int p = 0;
        try {
            while (true) {
                switch (step) {
                    case HEADER -> {
                        if (p == in.length) {
                            return result.toByteArray();
                        }
                        pending.write(in[p++]);
                        startData();
                    }
                    case DATA -> {
                        if (inflater.needsInput()) {
                            if (p == in.length) {
                                return result.toByteArray();
                            }
                            inflater.setInput(in, p, in.length - p);
                            p = in.length;
                        }
                        inflate(result);
                        if (inflater.finished()) {
                            p -= inflater.getRemaining();
                            step = gzip ? Step.TRAILER : Step.END;
                        } else if (p == in.length && inflater.needsInput()) {
                            return result.toByteArray();
                        }
                    }
                    case TRAILER -> {
                        if (p == in.length) {
                            return result.toByteArray();
                        }
                        pending.write(in[p++]);
                        if (pending.size() == 8) {
                            checkTrailer(pending.toByteArray());
                            pending.reset();
                            step = Step.HEADER;
                        }
                    }
                    case END -> {
                        if (p == in.length) {
                            return result.toByteArray();
                        }
                        throw broken("bytes after the end of the compressed data", null);
                    }
                }
            }
        } catch (DataFormatException e) {
            throw broken(e.getMessage(), e);
        }
    }

    /**
     * Checks that the compressed data ended where the body did, and frees the inflater.
     *
     * @throws ClientPayloadException if it was cut short
     */
    void finish() throws ClientPayloadException {
        boolean clean = !sawInput || (gzip ? step == Step.HEADER && pending.size() == 0 : step == Step.END);
        end();
        if (!clean) {
            throw broken("the body ended inside the compressed data", null);
        }
    }

    /** Frees the inflater's native memory; the decoder is unusable after. */
    void end() {
        if (inflater != null) {
            inflater.end();
        }
    }

    /** In HEADER: starts the data once the gzip header, or deflate's first two bytes, are whole. */
    private void startData() throws ClientPayloadException {
        byte[] h = pending.toByteArray();
        if (gzip) {
            if (gzipHeaderLength(h) == 0) {
                return;
            }
            if (inflater == null) {
                inflater = new Inflater(true);
            } else {
                inflater.reset();
            }
            crc.reset();
            memberSize = 0;
            pending.reset();
            step = Step.DATA;
        } else if (h.length == 2) {
            // RFC 9110's deflate is zlib: CM 8 in the low nibble, (CMF * 256 + FLG) % 31 == 0. Raw otherwise.
            int cmf = h[0] & 0xff;
            boolean zlib = (cmf & 0x0f) == 8 && (cmf * 256 + (h[1] & 0xff)) % 31 == 0;
            inflater = new Inflater(!zlib);
            inflater.setInput(h);
            pending.reset();
            step = Step.DATA;
        }
    }

    /** Returns a gzip header's length once it is whole, else 0. */
    private int gzipHeaderLength(byte[] h) throws ClientPayloadException {
        if (h.length >= 2 && ((h[0] & 0xff) != 0x1f || (h[1] & 0xff) != 0x8b)) {
            throw broken("not gzip data (bad magic number)", null);
        }
        if (h.length >= 3 && h[2] != 8) {
            throw broken("unknown compression method " + h[2], null);
        }
        if (h.length < 10) {
            return 0;
        }
        int flags = h[3] & 0xff;
        int n = 10;
        if ((flags & 4) != 0) { // FEXTRA: a length, then that many bytes
            if (h.length < n + 2) {
                return 0;
            }
            n += 2 + ((h[n] & 0xff) | (h[n + 1] & 0xff) << 8);
        }
        for (int flag : new int[] {8, 16}) { // FNAME, FCOMMENT: zero-terminated
            if ((flags & flag) != 0) {
                do {
                    if (n >= h.length) {
                        return 0;
                    }
                } while (h[n++] != 0);
            }
        }
        if ((flags & 2) != 0) { // FHCRC
            n += 2;
        }
        return h.length >= n ? n : 0;
    }

    private void checkTrailer(byte[] t) throws ClientPayloadException {
        long crcSent = (t[0] & 0xffL) | (t[1] & 0xffL) << 8 | (t[2] & 0xffL) << 16 | (t[3] & 0xffL) << 24;
        long sizeSent = (t[4] & 0xffL) | (t[5] & 0xffL) << 8 | (t[6] & 0xffL) << 16 | (t[7] & 0xffL) << 24;
        if (crcSent != crc.getValue() || sizeSent != (memberSize & 0xffffffffL)) {
            throw broken("the gzip trailer's checksum or size does not match the data", null);
        }
    }

    private void inflate(ByteArrayOutputStream result) throws DataFormatException, ClientPayloadException {
        while (true) {
            int n = inflater.inflate(out);
            if (n == 0) {
                if (inflater.needsDictionary()) {
                    throw new DataFormatException("the data needs a preset dictionary");
                }
                return;
            }
            produced += n;
            memberSize += n;
            if (produced > maxSize) {
                throw new ClientPayloadException("Decompressed body exceeds the limit of " + maxSize + " bytes", null);
            }
            if (gzip) {
                crc.update(out, 0, n);
            }
            result.write(out, 0, n);
        }
    }

    private ClientPayloadException broken(String why, Throwable cause) {
        return new ClientPayloadException("Can not decode content-encoding: " + (gzip ? "gzip" : "deflate") + ": " + why,
                cause);
    }
}
