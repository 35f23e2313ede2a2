package io.aio4j.http.internal.codec;

import io.aio4j.http.Headers;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;

/**
 * Thread-safe (stateless): writes request and response heads, as ISO-8859-1, CRLF line ends,
 * headers in order. Every part is checked first, so an {@link IllegalArgumentException} (naming
 * the offending part) or a {@link BufferOverflowException} leaves the output untouched: no byte of
 * a refused head is ever written. The caller supplies framing headers ({@code Host},
 * {@code Content-Length} or {@code Transfer-Encoding}); this class does not add any.
 */
public final class HeadSerializer {
    private static final int CRLF_LEN = 2;

    private HeadSerializer() {
    }

    /**
     * Returns a request head: {@code method SP target SP version CRLF fields CRLF}.
     *
     * @param method the method token, e.g. {@code "GET"}
     * @param target the request target, already percent-encoded, e.g. {@code "/a?b=c"}
     * @param version the protocol version
     * @param headers the header fields
     * @return the head's bytes
     * @throws IllegalArgumentException if the method, target or a field could not be sent safely
     */
    public static byte[] requestHead(String method, String target, HttpVersion version, Headers headers) {
        byte[] out = new byte[checkRequest(method, target, headers)];
        writeRequest(method, target, version, headers, ByteBuffer.wrap(out));
        return out;
    }

    /**
     * Writes a request head into a buffer, from its position.
     *
     * @param method the method token
     * @param target the request target, already percent-encoded
     * @param version the protocol version
     * @param headers the header fields
     * @param out where to write; its position advances past the head
     * @return the number of bytes written
     * @throws IllegalArgumentException if a part could not be sent safely; nothing is written
     * @throws BufferOverflowException if the head does not fit; nothing is written
     */
    public static int writeRequestHead(String method, String target, HttpVersion version, Headers headers,
            ByteBuffer out) {
        int size = checkRequest(method, target, headers);
        if (out.remaining() < size) {
            throw new BufferOverflowException();
        }
        writeRequest(method, target, version, headers, out);
        return size;
    }

    /**
     * Returns a response head: {@code version SP status SP reason CRLF fields CRLF}.
     *
     * @param version the protocol version
     * @param status the status code, 100 to 999
     * @param reason the reason phrase, maybe empty
     * @param headers the header fields
     * @return the head's bytes
     * @throws IllegalArgumentException if the status, reason or a field could not be sent safely
     */
    public static byte[] responseHead(HttpVersion version, int status, String reason, Headers headers) {
        byte[] out = new byte[checkResponse(status, reason, headers)];
        writeResponse(version, status, reason, headers, ByteBuffer.wrap(out));
        return out;
    }

    /**
     * Writes a response head into a buffer, from its position.
     *
     * @param version the protocol version
     * @param status the status code, 100 to 999
     * @param reason the reason phrase, maybe empty
     * @param headers the header fields
     * @param out where to write; its position advances past the head
     * @return the number of bytes written
     * @throws IllegalArgumentException if a part could not be sent safely; nothing is written
     * @throws BufferOverflowException if the head does not fit; nothing is written
     */
    public static int writeResponseHead(HttpVersion version, int status, String reason, Headers headers,
            ByteBuffer out) {
        int size = checkResponse(status, reason, headers);
        if (out.remaining() < size) {
            throw new BufferOverflowException();
        }
        writeResponse(version, status, reason, headers, out);
        return size;
    }

    /**
     * Writes header or trailer fields and the empty line that ends them, after checking them.
     *
     * @param fields the fields
     * @return their bytes
     * @throws IllegalArgumentException if a field could not be sent safely
     */
    static byte[] fieldSection(Headers fields) {
        byte[] out = new byte[checkFields(fields)];
        ByteBuffer b = ByteBuffer.wrap(out);
        writeFields(fields, b);
        return out;
    }

    // ---- Check, and count the bytes.

    private static int checkRequest(String method, String target, Headers headers) {
        FieldValidator.method(method);
        FieldValidator.target(target);
        return method.length() + 1 + target.length() + 1 + 8 + CRLF_LEN + checkFields(headers);
    }

    private static int checkResponse(int status, String reason, Headers headers) {
        FieldValidator.status(status);
        FieldValidator.reason(reason);
        return 8 + 1 + 3 + 1 + reason.length() + CRLF_LEN + checkFields(headers);
    }

    private static int checkFields(Headers headers) {
        FieldValidator.fields(headers);
        int size = CRLF_LEN;
        for (int i = 0; i < headers.size(); i++) {
            size += headers.name(i).length() + 2 + headers.value(i).length() + CRLF_LEN;
        }
        return size;
    }

    // ---- Write what was checked.

    private static void writeRequest(String method, String target, HttpVersion version, Headers headers,
            ByteBuffer out) {
        latin1(method, out);
        out.put((byte) ' ');
        latin1(target, out);
        out.put((byte) ' ');
        latin1(version.text(), out);
        out.put((byte) '\r').put((byte) '\n');
        writeFields(headers, out);
    }

    private static void writeResponse(HttpVersion version, int status, String reason, Headers headers,
            ByteBuffer out) {
        latin1(version.text(), out);
        out.put((byte) ' ');
        out.put((byte) ('0' + status / 100)).put((byte) ('0' + status / 10 % 10)).put((byte) ('0' + status % 10));
        out.put((byte) ' ');
        latin1(reason, out);
        out.put((byte) '\r').put((byte) '\n');
        writeFields(headers, out);
    }

    private static void writeFields(Headers headers, ByteBuffer out) {
        for (int i = 0; i < headers.size(); i++) {
            latin1(headers.name(i), out);
            out.put((byte) ':').put((byte) ' ');
            latin1(headers.value(i), out);
            out.put((byte) '\r').put((byte) '\n');
        }
        out.put((byte) '\r').put((byte) '\n');
    }

    private static void latin1(String s, ByteBuffer out) {
        for (int i = 0; i < s.length(); i++) {
            out.put((byte) s.charAt(i));
        }
    }
}
