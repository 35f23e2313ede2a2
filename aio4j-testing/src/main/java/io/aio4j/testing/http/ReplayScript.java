package io.aio4j.testing.http;

import io.aio4j.Aio;
import io.aio4j.net.StreamReader;
import io.aio4j.net.StreamWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a {@link ReplayServer} does on one connection: steps run in order, each as soon as the one
 * before it is done. A script is written by chaining in the builder's callback; the steps are the
 * faults of HTTP-RELIABILITY.md §2 (curl's test server commands, OkHttp's socket policies). When the
 * steps run out, the server closes the connection as {@link #close()} does; end with {@link #stall()}
 * to keep it open instead. A step that writes to a connection the client has closed or reset ends
 * the script quietly. Not thread-safe: write it in the builder's callback, then leave it alone.
 */
public final class ReplayScript {
    /** One step, run on a connection by its handler task. */
    @FunctionalInterface
    interface Step {
        void run(Connection c) throws IOException;
    }

    /** A connection while its script runs: its streams, its index, and where its requests go. */
    static final class Connection {
        final StreamReader reader;
        final StreamWriter writer;
        final int index;
        final Consumer<RecordedRequest> recorder;
        /** How many requests were read so far. Guarded by the handler task. */
        int requests;

        Connection(StreamReader reader, StreamWriter writer, int index, Consumer<RecordedRequest> recorder) {
            this.reader = reader;
            this.writer = writer;
            this.index = index;
            this.recorder = recorder;
        }
    }

    private final List<Step> steps = new ArrayList<>();
    private boolean halfCloses;

    ReplayScript() {
    }

    void run(Connection c) throws IOException {
        for (Step s : steps) {
            s.run(c);
        }
    }

    /** Whether a step shuts the output, which TLS cannot do. */
    boolean halfCloses() {
        return halfCloses;
    }

    /**
     * Reads one whole request (head, then a body by {@code Content-Length} or chunked) and records
     * it for {@link ReplayServer#requests()}. A malformed request is a failure that
     * {@link ReplayServer#close()} reports; a client that closes the connection instead of sending
     * a request ends the script.
     *
     * @return this
     */
    public ReplayScript expectRequest() {
        steps.add(c -> {
            RequestReader.Head head = RequestReader.readHead(c.reader);
            if (head == null) {
                throw new IOException("the client closed the connection instead of sending a request");
            }
            c.recorder.accept(RequestReader.readBody(c.reader, head, c.index, c.requests++));
        });
        return this;
    }

    /**
     * Sends bytes and waits until the socket took them.
     *
     * @param bytes what to send (copied)
     * @return this
     */
    public ReplayScript send(byte[] bytes) {
        byte[] copy = bytes.clone();
        steps.add(c -> {
            c.writer.write(copy);
            c.writer.drain();
        });
        return this;
    }

    /**
     * Sends text, one byte per character (ISO-8859-1), as HTTP heads are written.
     *
     * @param text what to send
     * @return this
     */
    public ReplayScript send(String text) {
        return send(latin1(text));
    }

    /**
     * Does nothing for a while, on the loop's clock (the client's timers run meanwhile).
     *
     * @param duration how long
     * @return this
     */
    public ReplayScript sleep(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        steps.add(c -> Aio.sleep(duration));
        return this;
    }

    /**
     * Sends bytes a piece at a time with a pause after each piece: a slow but steady server (curl's
     * {@code writedelay}, OkHttp's {@code throttleBody}).
     *
     * @param bytes what to send (copied)
     * @param pieceSize how many bytes in each piece, at least 1
     * @param gap the pause after each piece
     * @return this
     */
    public ReplayScript sendThrottled(byte[] bytes, int pieceSize, Duration gap) {
        if (pieceSize < 1) {
            throw new IllegalArgumentException("pieceSize must be at least 1: " + pieceSize);
        }
        Objects.requireNonNull(gap, "gap");
        byte[] all = bytes.clone();
        steps.add(c -> {
            for (int i = 0; i < all.length; i += pieceSize) {
                c.writer.write(Arrays.copyOfRange(all, i, Math.min(all.length, i + pieceSize)));
                c.writer.drain();
                Aio.sleep(gap);
            }
        });
        return this;
    }

    /**
     * Sends text a piece at a time; see {@link #sendThrottled(byte[], int, Duration)}.
     *
     * @param text what to send, one byte per character (ISO-8859-1)
     * @param pieceSize how many bytes in each piece, at least 1
     * @param gap the pause after each piece
     * @return this
     */
    public ReplayScript sendThrottled(String text, int pieceSize, Duration gap) {
        return sendThrottled(latin1(text), pieceSize, gap);
    }

    /**
     * Closes the connection gracefully: what was sent is delivered, then TCP FIN (on TLS,
     * close_notify first). Later steps find the connection closed.
     *
     * @return this
     */
    public ReplayScript close() {
        steps.add(c -> c.writer.close());
        return this;
    }

    /**
     * Resets the connection: {@code SO_LINGER} 0, then close, so the client's next read or write
     * fails with a reset instead of reading the end of the stream. Bytes not yet sent are dropped.
     *
     * @return this
     */
    public ReplayScript rst() {
        steps.add(c -> c.writer.transport().abort());
        return this;
    }

    /**
     * Shuts the sending side (TCP half-close): the client reads the end of the stream, and can still
     * send; later steps can still read. Not possible on TLS: {@link ReplayServer.Builder#start()}
     * refuses such a script with TLS.
     *
     * @return this
     */
    public ReplayScript shutdownOutput() {
        halfCloses = true;
        steps.add(c -> c.writer.writeEof());
        return this;
    }

    /**
     * Holds the connection open, reading and dropping whatever comes, until the client closes it or
     * the server closes. The step for a server that accepts and never answers (a TLS handshake or a
     * response that never comes).
     *
     * @return this
     */
    public ReplayScript stall() {
        steps.add(c -> LoopbackServer.discardUntilEof(c.reader));
        return this;
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
