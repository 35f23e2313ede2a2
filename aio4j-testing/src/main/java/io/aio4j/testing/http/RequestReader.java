package io.aio4j.testing.http;

import io.aio4j.net.IncompleteReadException;
import io.aio4j.net.StreamReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loop thread only. Reads whole requests for the test servers: the head up to the empty line, then a
 * {@code Content-Length} or chunked body. Deliberately small and separate from aio4j-http's codec,
 * so a test server does not share the bugs of the code under test. It trusts its input: a test
 * sends what it means to.
 */
final class RequestReader {
    private static final byte[] END_OF_HEAD = {'\r', '\n', '\r', '\n'};

    private RequestReader() {
    }

    /**
     * Reads one request. Suspends the calling task.
     *
     * @param r the connection's reader
     * @param connection the connection's index
     * @param sequence the request's index on it
     * @return the request, or {@code null} if the connection ended before one began
     * @throws IOException if the connection broke, or ended inside a request
     */
    static RecordedRequest read(StreamReader r, int connection, int sequence) throws IOException {
        byte[] headBytes;
        try {
            headBytes = r.readUntil(END_OF_HEAD);
        } catch (IncompleteReadException e) {
            if (e.partial().length == 0) {
                return null;
            }
            throw e;
        }
        String[] lines = new String(headBytes, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] start = lines[0].split(" ", 3);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String contentLength = null;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon);
            String value = lines[i].substring(colon + 1).strip();
            headers.add(new SimpleImmutableEntry<>(name, value));
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = value;
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
            }
        }
        byte[] body = chunked ? readChunked(r) : contentLength != null ? r.readExactly(Integer.parseInt(contentLength))
                : new byte[0];
        return new RecordedRequest(start[0], start.length > 1 ? start[1] : "", start.length > 2 ? start[2] : "",
                List.copyOf(headers), body, connection, sequence);
    }

    private static byte[] readChunked(StreamReader r) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String line = new String(r.readLine(), StandardCharsets.US_ASCII).strip();
            int semi = line.indexOf(';');
            int size = Integer.parseInt(semi >= 0 ? line.substring(0, semi) : line, 16);
            if (size == 0) {
                while (r.readLine().length > 2) {
                    // trailer fields, until the empty line
                }
                return body.toByteArray();
            }
            body.writeBytes(r.readExactly(size));
            r.readLine();
        }
    }
}
