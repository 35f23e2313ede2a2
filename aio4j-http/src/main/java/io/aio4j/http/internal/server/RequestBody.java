package io.aio4j.http.internal.server;

import io.aio4j.EventLoop;
import io.aio4j.http.internal.BodyStreamBase;
import io.aio4j.http.internal.Wakeup;
import io.aio4j.net.IncompleteReadException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Loop thread only. A request's body as it arrives: the connection pushes pieces
 * ({@link #add}, {@link #complete}, {@link #fail}); the handler's task pulls them through the
 * {@link io.aio4j.http.BodyStream} methods. Past {@link #HIGH} unread bytes the connection stops
 * reading, below {@link #LOW} it reads again.
 */
final class RequestBody extends BodyStreamBase {
    /** Unread bytes above which the connection stops reading. */
    static final int HIGH = 256 * 1024;
    /** Unread bytes below which a paused connection reads again. */
    static final int LOW = 64 * 1024;

    private final ServerConnection conn;
    private final Wakeup wakeup;
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private int buffered;
    private long received;
    private boolean complete;
    private IOException failure;
    private boolean paused;
    private boolean touched;

    RequestBody(EventLoop loop, ServerConnection conn, boolean empty) {
        this.conn = conn;
        this.wakeup = new Wakeup(loop);
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
        wakeup.wake();
    }

    void complete() {
        complete = true;
        wakeup.wake();
    }

    void fail(IOException e) {
        if (!complete && failure == null) {
            failure = e;
            wakeup.wake();
        }
    }

    boolean isComplete() {
        return complete;
    }

    /** Bytes received so far, read or not. */
    long received() {
        return received;
    }

    /** Drops what is queued: the handler is done with it. Reading resumes if it was paused. */
    private void discard() {
        chunks.clear();
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
            wakeup.park();
        }
        discard();
    }

    // ================================================================ the handler's side

    @Override
    protected byte[] nextPiece() throws IOException {
        if (!touched) {
            touched = true;
            conn.bodyWanted();
        }
        while (true) {
            byte[] next = chunks.pollFirst();
            if (next != null) {
                buffered -= next.length;
                if (paused && buffered < LOW) {
                    paused = false;
                    conn.resumeBody();
                }
                return next;
            }
            if (complete) {
                return null;
            }
            if (failure != null) {
                throw failure;
            }
            wakeup.park();
        }
    }

    @Override
    protected IOException endedShort(byte[] partial, int expected) {
        return new IncompleteReadException(partial, expected);
    }

    @Override
    protected IOException lineTooLong() {
        return new IOException("request body line is longer than " + MAX_LINE + " bytes");
    }
}
