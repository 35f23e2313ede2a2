package io.aio4j.http.client;

import io.aio4j.net.ConnectionHandler;
import io.aio4j.net.Net;
import io.aio4j.net.Server;
import io.aio4j.net.StreamReader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A scripted server for the client's tests: each connection runs a handler that reads requests
 * with {@link #readRequest} and writes raw response bytes, so a test controls every byte the
 * client sees. Independent of the codec under test.
 */
final class RawHttp {
    private RawHttp() {
    }

    /** A request as the server read it. */
    record Request(String head, byte[] body) {
        String requestLine() {
            return head.substring(0, head.indexOf("\r\n"));
        }

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    static Server start(ConnectionHandler handler) throws IOException {
        return Net.startServer(handler, "127.0.0.1", 0);
    }

    static int port(Server s) {
        return ((InetSocketAddress) s.sockets().get(0)).getPort();
    }

    static String url(Server s, String path) {
        return "http://127.0.0.1:" + port(s) + path;
    }

    /**
     * Reads one request: the head, then a Content-Length or chunked body.
     *
     * @return the request, or {@code null} if the client closed the connection first
     */
    static Request readRequest(StreamReader r) throws IOException {
        byte[] headBytes;
        try {
            headBytes = r.readUntil("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (io.aio4j.net.IncompleteReadException e) {
            return null;
        }
        String head = new String(headBytes, StandardCharsets.ISO_8859_1);
        Request req = new Request(head, new byte[0]);
        String cl = req.header("Content-Length");
        String te = req.header("Transfer-Encoding");
        if (cl != null) {
            return new Request(head, r.readExactly(Integer.parseInt(cl)));
        }
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            while (true) {
                String size = new String(r.readLine(), StandardCharsets.US_ASCII).strip();
                int n = Integer.parseInt(size, 16);
                if (n == 0) {
                    r.readLine();
                    return new Request(head, body.toByteArray());
                }
                body.writeBytes(r.readExactly(n));
                r.readLine();
            }
        }
        return req;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A complete response with a Content-Length body. */
    static byte[] response(int status, String reason, String body, String... headers) {
        StringBuilder sb = new StringBuilder("HTTP/1.1 " + status + " " + reason + "\r\n");
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        sb.append("Content-Length: ").append(b.length).append("\r\n\r\n");
        byte[] head = ascii(sb.toString());
        byte[] out = new byte[head.length + b.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(b, 0, out, head.length, b.length);
        return out;
    }
}
