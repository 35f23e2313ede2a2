package io.aio4j.http.internal.codec;

import io.aio4j.http.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Thread-safe (stateless): the framing of a chunked body (RFC 9112 §7.1). A chunk is
 * {@link #chunkHeader(long)}, the data, then {@link #chunkEnd()}: three buffers a transport can
 * write at once without copying the data; {@link #chunk} joins them for small data. The body ends
 * with {@link #lastChunk(Headers)}. No extensions are written.
 */
public final class ChunkedEncoder {
    private static final byte[] CRLF = {'\r', '\n'};

    private ChunkedEncoder() {
    }

    /**
     * Returns the bytes that follow a chunk's data: CRLF. A fresh copy each call.
     *
     * @return {@code "\r\n"}
     */
    public static byte[] chunkEnd() {
        return CRLF.clone();
    }

    /**
     * Returns a chunk-size line: the size in lowercase hex, then CRLF.
     *
     * @param size the data's size, at least 1 (size 0 is the last chunk)
     * @return e.g. {@code "1a\r\n"} for 26
     * @throws IllegalArgumentException if {@code size < 1}
     */
    public static byte[] chunkHeader(long size) {
        if (size < 1) {
            throw new IllegalArgumentException("a chunk has at least 1 byte (size 0 is the last chunk): " + size);
        }
        return (Long.toHexString(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Returns a whole chunk: size line, data and CRLF, copied into one array.
     *
     * @param data the data
     * @param offset where the data starts in {@code data}
     * @param length how many bytes; 0 gives an empty array, since an empty chunk would end the body
     * @return the chunk's bytes
     */
    public static byte[] chunk(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (length == 0) {
            return new byte[0];
        }
        byte[] header = chunkHeader(length);
        byte[] out = new byte[header.length + length + CRLF.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(data, offset, out, header.length, length);
        out[out.length - 2] = '\r';
        out[out.length - 1] = '\n';
        return out;
    }

    /**
     * Returns the end of a chunked body: the last chunk {@code "0\r\n"}, the trailer fields, and the
     * empty line. The trailers are checked like header fields before anything is produced.
     *
     * @param trailers the trailer fields, maybe empty
     * @return the bytes; {@code "0\r\n\r\n"} without trailers
     * @throws IllegalArgumentException if a trailer field could not be sent safely
     */
    public static byte[] lastChunk(Headers trailers) {
        byte[] fields = HeadSerializer.fieldSection(trailers);
        byte[] out = new byte[3 + fields.length];
        out[0] = '0';
        out[1] = '\r';
        out[2] = '\n';
        System.arraycopy(fields, 0, out, 3, fields.length);
        return out;
    }
}
