package io.aio4j.http.internal.server;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.http.BodyStream;
import io.aio4j.net.IncompleteReadException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Loop thread only. A request's body as it arrives: the connection pushes pieces
 * ({@link #add}, {@link #complete}, {@link #fail}); the handler's task pulls them through the
 * {@link BodyStream} methods. Past {@link #HIGH} unread bytes the connection stops reading, below
 * {@link #LOW} it reads again.
 */
final class RequestBody implements BodyStream {
    /** Unread bytes above which the connection stops reading. */
    static final int HIGH = 256 * 1024;
    /** Unread bytes below which a paused connection reads again. */
    static final int LOW = 64 * 1024;
    private static final byte[] EMPTY = new byte[0];
    private static final int MAX_LINE = 64 * 1024;

    private final EventLoop loop;
    private final ServerConnection conn;
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private byte[] head = EMPTY;
    private int headPos;
    private int buffered;
    private long received;
    private boolean complete;
    private IOException failure;
    private boolean paused;
    private boolean touched;
    private Future<Void> waiter;

    RequestBody(EventLoop loop, ServerConnection conn, boolean empty) {
        this.loop = loop;
        this.conn = conn;
        this.complete = empty;
    }

    // ================================================================ the connection's side

    void add(ByteBuffer data) {
        byte[] b = new byte[data.remaining()];
        data.get(b);
        chunks.addLast(b);
        buffered += b.length;
        received += b.length;
        if (buffered > HIGH && !paused) {
            paused = true;
            conn.pauseBody();
        }
        wake();
    }

    void complete() {
        complete = true;
        wake();
    }

    void fail(IOException e) {
        if (!complete && failure == null) {
            failure = e;
            wake();
        }
    }

    boolean isComplete() {
        return complete;
    }

    /** Bytes received so far, read or not. */
    long received() {
        return received;
    }

    /** Whether the handler started reading (for {@code 100 Continue}). */
    boolean touched() {
        return touched;
    }

    /** Drops what is queued: the handler is done with it. Reading resumes if it was paused. */
    void discard() {
        chunks.clear();
        head = EMPTY;
        headPos = 0;
        buffered = 0;
        if (paused) {
            paused = false;
            conn.resumeBody();
        }
    }

    /** Waits until the body is complete or failed, dropping what comes. Suspends the calling task. */
    void drainToEnd() {
        while (!complete && failure == null) {
            discard();
            park();
        }
        discard();
    }

    private void wake() {
        Future<Void> w = waiter;
        if (w != null && !w.done()) {
            w.setResult(null);
        }
    }

    private void park() {
        Future<Void> w = loop.createFuture();
        waiter = w;
        try {
            Aio.await(w);
        } finally {
            waiter = null;
        }
    }

    // ================================================================ the handler's side

    /** Makes {@code head} hold unread bytes; false at the end. */
    private boolean fill() throws IOException {
        if (!touched) {
            touched = true;
            conn.bodyWanted();
        }
        while (headPos == head.length) {
            byte[] next = chunks.pollFirst();
            if (next != null) {
                buffered -= next.length;
                if (paused && buffered < LOW) {
                    paused = false;
                    conn.resumeBody();
                }
                head = next;
                headPos = 0;
                return true;
            }
            if (complete) {
                return false;
            }
            if (failure != null) {
                throw failure;
            }
            park();
        }
        return true;
    }

    private byte[] take(int n) {
        byte[] r = headPos == 0 && n == head.length ? head : Arrays.copyOfRange(head, headPos, headPos + n);
        headPos += n;
        return r;
    }

    @Override
    public byte[] readAny() throws IOException {
        return fill() ? take(head.length - headPos) : EMPTY;
    }

    @Override
    public byte[] read(int n) throws IOException {
        if (n == -1) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            while (fill()) {
                all.writeBytes(take(head.length - headPos));
            }
            return all.toByteArray();
        }
        if (n < -1) {
            throw new IllegalArgumentException("n must be -1 (all) or more: " + n);
        }
        return n == 0 || !fill() ? EMPTY : take(Math.min(n, head.length - headPos));
    }

    /**
     * Reads everything, refusing more than a limit.
     *
     * @param limit the most bytes
     * @return the body, or {@code null} if it passed the limit
     * @throws IOException if the body failed
     */
    byte[] readAll(long limit) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (fill()) {
            if (all.size() + (head.length - headPos) > limit) {
                return null;
            }
            all.writeBytes(take(head.length - headPos));
        }
        return all.toByteArray();
    }

    @Override
    public byte[] readExactly(int n) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream(Math.min(n, 1 << 16));
        while (got.size() < n) {
            if (!fill()) {
                throw new IncompleteReadException(got.toByteArray(), n);
            }
            got.writeBytes(take(Math.min(n - got.size(), head.length - headPos)));
        }
        return got.toByteArray();
    }

    @Override
    public byte[] readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (fill()) {
            int nl = -1;
            for (int i = headPos; i < head.length; i++) {
                if (head[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int n = (nl >= 0 ? nl + 1 : head.length) - headPos;
            if (line.size() + n > MAX_LINE) {
                throw new IOException("request body line is longer than " + MAX_LINE + " bytes");
            }
            line.writeBytes(take(n));
            if (nl >= 0) {
                break;
            }
        }
        return line.toByteArray();
    }

    @Override
    public boolean atEof() {
        return complete && chunks.isEmpty() && headPos == head.length;
    }
}
