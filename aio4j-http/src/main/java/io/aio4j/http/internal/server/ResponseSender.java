package io.aio4j.http.internal.server;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.http.Headers;
import io.aio4j.http.internal.codec.ChunkedEncoder;
import io.aio4j.http.internal.codec.HeadSerializer;
import io.aio4j.http.internal.codec.HttpVersion;
import io.aio4j.http.web.Response;
import io.aio4j.http.web.ResponseWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Loop thread only (a handler's task). Writes responses on a {@link ServerConnection}: the head with
 * the framing headers the server owns ({@code Content-Length} or chunked, {@code Connection},
 * {@code Date}, {@code Server}), then the body, fixed, streamed or from a file (zero-copy over a
 * plain socket).
 */
final class ResponseSender {
    /** A body up to this size goes out in one write with the head. */
    private static final int SMALL_BODY = 16 * 1024;
    /** How much of a file is read per step, off the loop. */
    private static final int FILE_CHUNK = 256 * 1024;

    private final ServerConnection conn;
    private final String serverHeader;
    private long dateSecond = -1;
    private String date;

    ResponseSender(ServerConnection conn, String serverHeader) {
        this.conn = conn;
        this.serverHeader = serverHeader;
    }

    /**
     * Sends a response to a request. Suspends the calling task while the client reads slowly.
     *
     * @param req the request
     * @param resp the response
     * @param keepAlive whether the connection may carry another request
     * @return whether it still may (a streamed body without length on HTTP/1.0 ends with the close)
     * @throws IOException if the client went away, or a streamed or file body failed midway
     */
    boolean send(IncomingRequest req, Response resp, boolean keepAlive) throws IOException {
        boolean head = req.method().equals("HEAD");
        int status = resp.status();
        boolean noBody = status < 200 || status == 204 || status == 304;
        HttpVersion version = req.head().version();
        Headers.Builder h = resp.headers().toBuilder();
        h.remove("Transfer-Encoding");
        h.remove("Connection");
        addCommon(h);
        Path file = resp.file();
        long fileSize = -1;
        if (file != null) {
            try {
                fileSize = Aio.toThread(() -> java.nio.file.Files.size(file));
            } catch (RuntimeException e) {
                if (unwrap(e) instanceof NoSuchFileException) {
                    return send(req, Response.text("404: Not Found").status(404), keepAlive);
                }
                throw e;
            }
            h.set("Content-Length", Long.toString(fileSize));
        } else if (resp.streamBody() == null) {
            h.remove("Content-Length");
            if (!noBody) {
                h.set("Content-Length", Integer.toString(resp.body().length));
            }
        } else if (h.get("Content-Length") == null && !noBody) {
            if (version == HttpVersion.HTTP_1_1) {
                h.set("Transfer-Encoding", "chunked");
            } else {
                keepAlive = false; // HTTP/1.0 has no chunks: the body ends with the connection
            }
        }
        if (!keepAlive) {
            h.set("Connection", "close");
        } else if (version == HttpVersion.HTTP_1_0) {
            h.set("Connection", "keep-alive");
        }
        byte[] headBytes;
        try {
            headBytes = HeadSerializer.responseHead(version, status, resp.reason(), h.build());
        } catch (IllegalArgumentException e) {
            // The application set a header or reason a client could misread: its fault, answered with 500.
            conn.write(HeadSerializer.responseHead(version, 500, "Internal Server Error",
                    Headers.of("Content-Length", "0", "Connection", "close")));
            throw new IOException("the response could not be sent: " + e.getMessage(), e);
        }
        if (head || noBody) {
            conn.write(headBytes);
            return keepAlive;
        }
        if (file != null) {
            conn.write(headBytes);
            sendFile(file, fileSize);
        } else if (resp.streamBody() != null) {
            conn.write(headBytes);
            sendStream(resp, "chunked".equals(h.get("Transfer-Encoding")));
        } else {
            byte[] body = resp.body();
            if (body.length <= SMALL_BODY) {
                byte[] all = new byte[headBytes.length + body.length];
                System.arraycopy(headBytes, 0, all, 0, headBytes.length);
                System.arraycopy(body, 0, all, headBytes.length, body.length);
                conn.write(all);
            } else {
                conn.write(headBytes);
                conn.write(body);
            }
        }
        conn.drain();
        return keepAlive;
    }

    /**
     * Sends an error response on a connection about to close (bad request, timeout).
     *
     * @param resp the response
     * @throws IOException if the client went away
     */
    void sendError(Response resp) throws IOException {
        Headers.Builder h = resp.headers().toBuilder();
        addCommon(h);
        h.set("Content-Length", Integer.toString(resp.body().length));
        h.set("Connection", "close");
        conn.write(HeadSerializer.responseHead(HttpVersion.HTTP_1_1, resp.status(), resp.reason(), h.build()));
        conn.write(resp.body());
    }

    private void addCommon(Headers.Builder h) {
        if (h.get("Date") == null) {
            h.set("Date", date());
        }
        if (serverHeader != null && h.get("Server") == null) {
            h.set("Server", serverHeader);
        }
    }

    /** The {@code Date} header's value, made once per second. */
    private String date() {
        long now = System.currentTimeMillis() / 1000;
        if (now != dateSecond) {
            dateSecond = now;
            date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        }
        return date;
    }

    private void sendStream(Response resp, boolean chunked) throws IOException {
        ResponseWriter out = data -> {
            if (data.length == 0) {
                return;
            }
            conn.write(chunked ? ChunkedEncoder.chunk(data, 0, data.length) : data);
            conn.drain();
        };
        try {
            resp.streamBody().writeTo(out);
        } catch (IOException | RuntimeException e) {
            throw e instanceof IOException io ? io : new IOException("the streamed body failed", e);
        } catch (CancelledError e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("the streamed body failed", e);
        }
        if (chunked) {
            conn.write(ChunkedEncoder.lastChunk(Headers.of()));
        }
    }

    /**
     * Sends a file: zero-copy ({@code sendfile}) on a plain socket, else read in pieces off the
     * loop and written.
     */
    private void sendFile(Path file, long size) throws IOException {
        long pos = 0;
        try (FileChannel ch = Aio.toThread(() -> FileChannel.open(file, StandardOpenOption.READ))) {
            while (pos < size) {
                long n = conn.sendFile(ch, pos, size - pos);
                if (n < 0) {
                    break; // TLS: the bytes must go through the JVM
                }
                if (n == 0 && ch.size() <= pos) {
                    throw new IOException("file " + file + " became shorter while it was sent");
                }
                pos += n;
                conn.drain(); // waits while the socket is full
            }
            while (pos < size) {
                long at = pos;
                byte[] chunk = Aio.toThread(() -> {
                    ByteBuffer b = ByteBuffer.allocate((int) Math.min(FILE_CHUNK, size - at));
                    while (b.hasRemaining() && ch.read(b, at + b.position()) > 0) {
                        // read until the chunk is full or the file ends
                    }
                    return b.position() == b.capacity() ? b.array() : java.util.Arrays.copyOf(b.array(), b.position());
                });
                if (chunk.length == 0) {
                    throw new IOException("file " + file + " became shorter while it was sent");
                }
                conn.write(chunk);
                conn.drain();
                pos += chunk.length;
            }
        }
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof UncheckedIOException || t instanceof java.util.concurrent.CompletionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
