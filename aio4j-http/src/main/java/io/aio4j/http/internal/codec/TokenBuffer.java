package io.aio4j.http.internal.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One thread only (the parser's): the bytes of the head line being read (a method and target, a
 * reason phrase, a field's name and value), copied from the input as they are accepted so that a
 * line may span any number of reads. Its size is bounded by the parser's line limit.
 */
final class TokenBuffer {
    private byte[] bytes = new byte[256];
    private int length;

    int length() {
        return length;
    }

    void clear() {
        length = 0;
    }

    /** Copies {@code in[from, to)} to the end. */
    void append(ByteBuffer in, int from, int to) {
        int n = to - from;
        ensure(n);
        if (in.hasArray()) { // a plain copy: ByteBuffer's bulk get costs more for short runs
            System.arraycopy(in.array(), in.arrayOffset() + from, bytes, length, n);
        } else {
            in.get(from, bytes, length, n);
        }
        length += n;
    }

    void append(byte b) {
        ensure(1);
        bytes[length++] = b;
    }

    /** Drops trailing SP and HTAB, but not below {@code floor}. */
    void trimTrailingWhitespace(int floor) {
        while (length > floor && (bytes[length - 1] == ByteClass.SP || bytes[length - 1] == ByteClass.HTAB)) {
            length--;
        }
    }

    /** Returns {@code [from, to)} as ISO-8859-1. */
    String string(int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** Returns {@code [from, to)}, shared if it spells a known method or field name. */
    String token(int from, int to) {
        return KnownTokens.string(bytes, from, to - from);
    }

    /** Returns everything as a string and clears. */
    String take() {
        String s = string(0, length);
        length = 0;
        return s;
    }

    /** Returns everything as a token (see {@link #token}) and clears. */
    String takeToken() {
        String s = token(0, length);
        length = 0;
        return s;
    }

    private void ensure(int n) {
        if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
        }
    }
}
