package io.aio4j.http.internal.codec;

import java.nio.ByteBuffer;

/**
 * Thread-safe (immutable): which bytes may appear where in an HTTP/1.1 message (RFC 9110 §5.6,
 * RFC 9112), as bit flags in one 256-entry table.
 */
final class ByteClass {
    static final byte CR = '\r';
    static final byte LF = '\n';
    static final byte SP = ' ';
    static final byte HTAB = '\t';

    /** {@code tchar}: the bytes of a token (method, field name, coding, extension name). */
    static final int TOKEN = 1;
    /** Field content and reason phrase: HTAB, SP, VCHAR, obs-text (no other control, no DEL). */
    static final int FIELD = 1 << 1;
    /** A request target: visible ASCII, no space, no control, no obs-text (RFC 3986 plus leniency for {@code "{}|^`}). */
    static final int TARGET = 1 << 2;
    /** {@code qdtext} in a quoted string. */
    static final int QDTEXT = 1 << 3;
    /** SP or HTAB. */
    static final int WS = 1 << 4;

    private static final byte[] FLAGS = new byte[256];

    static {
        String tokenSpecials = "!#$%&'*+-.^_`|~";
        for (int b = 0; b < 256; b++) {
            int f = 0;
            boolean alnum = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
            if (alnum || (b < 128 && tokenSpecials.indexOf(b) >= 0)) {
                f |= TOKEN;
            }
            if (b == HTAB || (b >= 0x20 && b != 0x7F)) {
                f |= FIELD;
            }
            if (b >= 0x21 && b <= 0x7E) {
                f |= TARGET;
            }
            if (b == HTAB || b == SP || b == 0x21 || (b >= 0x23 && b <= 0x5B) || (b >= 0x5D && b <= 0x7E) || b >= 0x80) {
                f |= QDTEXT;
            }
            if (b == SP || b == HTAB) {
                f |= WS;
            }
            FLAGS[b] = (byte) f;
        }
    }

    private ByteClass() {
    }

    /**
     * Says whether a byte belongs to a class.
     *
     * @param b the byte
     * @param flag one of the class constants
     * @return {@code true} if it does
     */
    static boolean is(byte b, int flag) {
        return (FLAGS[b & 0xFF] & flag) != 0;
    }

    /**
     * Finds the end of a run of bytes of one class.
     *
     * @return the index of the first byte in {@code [p, end)} not in the class, or {@code end}
     */
    static int scan(ByteBuffer in, int p, int end, int byteClass) {
        if (in.hasArray()) { // array access is cheaper than a heap buffer's checked get
            byte[] a = in.array();
            int offset = in.arrayOffset();
            int i = p + offset;
            int e = end + offset;
            while (i < e && is(a[i], byteClass)) {
                i++;
            }
            return i - offset;
        }
        while (p < end && is(in.get(p), byteClass)) {
            p++;
        }
        return p;
    }

    /**
     * Returns the value of a hexadecimal digit.
     *
     * @param b the byte
     * @return 0 to 15, or -1 if it is not a hex digit
     */
    static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    /**
     * Describes a byte for an error message.
     *
     * @param b the byte
     * @return e.g. {@code "'x'"} or {@code "0x0d"}
     */
    static String describe(int b) {
        b &= 0xFF;
        return b > 0x20 && b < 0x7F ? "'" + (char) b + "'" : String.format("0x%02x", b);
    }
}
