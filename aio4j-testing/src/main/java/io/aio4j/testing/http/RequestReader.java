package io.aio4j.testing.http;

import io.aio4j.net.IncompleteReadException;
import io.aio4j.net.LimitOverrunException;
import io.aio4j.net.StreamReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loop thread only. Reads whole requests for the test servers: the head up to the empty line
 * (CRLF CRLF), then a body framed by {@code Content-Length} or chunked (RFC 9112 §6, §7.1).
 * Deliberately small and apart from aio4j-http's codec, so that a test server does not share the
 * bugs of the code under test. It is strict where a client under test could be wrong (the request
 * line, header lines, the framing) and says so with a {@link ProtocolException}, which the servers
 * report as a failure; a connection that ends inside a request is the client going away.
 */
final class RequestReader {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] END_OF_HEAD = {'\r', '\n', '\r', '\n'};

    /** A request head, parsed; {@code raw} is the head's bytes. */
    record Head(String method, String target, String version, List<Map.Entry<String, String>> headers, byte[] raw,
            int contentLength, boolean chunked) {

        String header(String name) {
            return RecordedRequest.firstValue(headers, name);
        }
    }

    private RequestReader() {
    }

    /**
     * Reads one request head. Suspends the calling task.
     *
     * @return the head, or {@code null} if the connection ended before a request began
     * @throws ProtocolException if the head is malformed, or longer than the reader's limit
     * @throws IOException if the connection broke, or ended inside the head
     */
    static Head readHead(StreamReader r) throws IOException {
        byte[] raw;
        try {
            raw = r.readUntil(END_OF_HEAD);
        } catch (IncompleteReadException e) {
            if (e.partial().length == 0) {
                return null;
            }
            throw e;
        } catch (LimitOverrunException e) {
            throw new ProtocolException("request head longer than " + r.limit() + " bytes");
        }
        String[] lines = new String(raw, 0, raw.length - 4, StandardCharsets.ISO_8859_1).split("\r\n", -1);
        String[] start = lines[0].split(" ", -1);
        if (start.length != 3 || start[0].isEmpty() || start[1].isEmpty() || !start[2].startsWith("HTTP/")) {
            throw new ProtocolException("malformed request line: " + lines[0]);
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0 || lines[i].charAt(0) == ' ' || lines[i].charAt(0) == '\t'
                    || lines[i].substring(0, colon).strip().length() != colon) {
                throw new ProtocolException("malformed header line: " + lines[i]);
            }
            headers.add(new SimpleImmutableEntry<>(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip()));
        }
        String te = RecordedRequest.firstValue(headers, "Transfer-Encoding");
        int length = contentLength(headers);
        boolean chunked = te != null && te.toLowerCase(Locale.ROOT).strip().endsWith("chunked");
        if (te != null && (!chunked || length >= 0)) {
            throw new ProtocolException("request framing: Transfer-Encoding " + te
                    + (chunked ? " with Content-Length" : " does not end in chunked") + " (RFC 9112 §6.3)");
        }
        return new Head(start[0], start[1], start[2], List.copyOf(headers), raw, length, chunked);
    }

    /**
     * Reads the body that {@code head} announces and returns the whole request. Suspends the calling
     * task.
     *
     * @throws ProtocolException if the chunked framing is malformed
     * @throws IOException if the connection broke, or ended inside the body
     */
    static RecordedRequest readBody(StreamReader r, Head head, int connection, int sequence) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes(head.raw());
        byte[] body;
        if (head.chunked()) {
            body = readChunked(r, raw);
        } else {
            body = head.contentLength() > 0 ? r.readExactly(head.contentLength()) : new byte[0];
            raw.writeBytes(body);
        }
        return new RecordedRequest(head.method(), head.target(), head.version(), head.headers(), body,
                raw.toByteArray(), connection, sequence);
    }

    /** Content-Length's value, or -1 without one. */
    private static int contentLength(List<Map.Entry<String, String>> headers) throws ProtocolException {
        int length = -1;
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase("Content-Length")) {
                String v = h.getValue();
                if (v.isEmpty() || v.length() > 9 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw new ProtocolException("bad Content-Length: " + v);
                }
                int n = Integer.parseInt(v);
                if (length >= 0 && n != length) {
                    throw new ProtocolException("two different Content-Length values: " + length + " and " + n);
                }
                length = n;
            }
        }
        return length;
    }

    private static byte[] readChunked(StreamReader r, ByteArrayOutputStream raw) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            byte[] line = line(r, raw);
            String text = new String(line, 0, line.length - 2, StandardCharsets.ISO_8859_1);
            int semi = text.indexOf(';');
            String size = (semi >= 0 ? text.substring(0, semi) : text).strip();
            if (size.isEmpty() || size.length() > 7 || !size.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new ProtocolException("bad chunk size line: " + text);
            }
            int n = Integer.parseInt(size, 16);
            if (n == 0) {
                while (line(r, raw).length > 2) {
                    // trailer fields, up to the empty line
                }
                return body.toByteArray();
            }
            byte[] data = r.readExactly(n);
            body.writeBytes(data);
            raw.writeBytes(data);
            if (line(r, raw).length != 2) {
                throw new ProtocolException("chunk data longer than its size " + n);
            }
        }
    }

    /** One line up to and including CRLF, also appended to {@code raw}. */
    private static byte[] line(StreamReader r, ByteArrayOutputStream raw) throws IOException {
        byte[] line;
        try {
            line = r.readUntil(CRLF);
        } catch (LimitOverrunException e) {
            throw new ProtocolException("chunk line longer than " + r.limit() + " bytes");
        }
        raw.writeBytes(line);
        return line;
    }
}
