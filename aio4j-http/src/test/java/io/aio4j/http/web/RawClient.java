package io.aio4j.http.web;

import io.aio4j.net.Connection;
import io.aio4j.net.IncompleteReadException;
import io.aio4j.net.Net;
import io.aio4j.net.StreamReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A raw HTTP/1.1 client for the server's tests: writes bytes as given and reads responses with its
 * own small reader (independent of the codec under test), so a test controls every byte the
 * server sees.
 */
final class RawClient implements AutoCloseable {
    /** A response as read. */
    record Reply(int status, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    private final Connection conn;

    RawClient(WebServer server) throws IOException {
        this.conn = Net.openConnection("127.0.0.1", server.port());
    }

    void send(String raw) throws IOException {
        conn.writer().write(raw.getBytes(StandardCharsets.ISO_8859_1));
        conn.writer().drain();
    }

    /** Reads one response; {@code null} if the server closed the connection first. */
    Reply read() throws IOException {
        StreamReader r = conn.reader();
        byte[] headBytes;
        try {
            headBytes = r.readUntil("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IncompleteReadException e) {
            return null;
        }
        String head = new String(headBytes, StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(head.substring(9, 12));
        Reply reply = new Reply(status, head, "");
        String cl = reply.header("Content-Length");
        String te = reply.header("Transfer-Encoding");
        StringBuilder body = new StringBuilder();
        if (cl != null) {
            body.append(new String(r.readExactly(Integer.parseInt(cl)), StandardCharsets.UTF_8));
        } else if (te != null && te.toLowerCase(Locale.ROOT).equals("chunked")) {
            while (true) {
                int n = Integer.parseInt(new String(r.readLine(), StandardCharsets.US_ASCII).strip(), 16);
                if (n == 0) {
                    r.readLine();
                    break;
                }
                body.append(new String(r.readExactly(n), StandardCharsets.UTF_8));
                r.readLine();
            }
        }
        return new Reply(status, head, body.toString());
    }

    /** Says whether the server closed the connection: the next read finds the end. */
    boolean closedByServer() throws IOException {
        try {
            return conn.reader().read(1).length == 0;
        } catch (IOException e) {
            return true; // reset: closed too
        }
    }

    @Override
    public void close() {
        conn.close();
    }
}
