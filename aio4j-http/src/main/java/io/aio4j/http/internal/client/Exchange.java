package io.aio4j.http.internal.client;

import io.aio4j.CancelledError;
import io.aio4j.EventLoop;
import io.aio4j.Handle;
import io.aio4j.http.ClientException;
import io.aio4j.http.ClientResponseException;
import io.aio4j.http.ServerTimeoutException;
import io.aio4j.http.SocketReadTimeoutException;
import io.aio4j.http.internal.Wakeup;
import io.aio4j.http.internal.codec.ResponseHead;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Loop thread only. One request and its response: the head the requesting task waits for, then the
 * body's bytes as they arrive, queued until the task reads them, with the read and total timers.
 *
 * <p>The connection pushes events ({@link #onHead}, {@link #onBody}, {@link #onComplete},
 * {@link #fail}); the task pulls ({@link #awaitHead}, {@link #next}). When unread bytes pass
 * {@link #HIGH} the connection stops reading, so a slow reader slows the server down; below
 * {@link #LOW} it reads again. Once the body is complete the connection goes back to the pool at
 * once, while the queued bytes stay here for the task: a late reader never holds a connection.
 *
 * <p>Timers: {@code sockRead} runs while the server owes bytes and reading is not paused, and
 * restarts at each read (it checks the time of the last read when it fires, so a busy connection
 * does not re-arm a timer per packet); {@code total} ends at the request's deadline.
 */
final class Exchange {
    /** Unread bytes above which the connection stops reading: 256 KiB, asyncio's read size. */
    static final int HIGH = 256 * 1024;
    /** Unread bytes below which a paused connection reads again. */
    static final int LOW = 64 * 1024;
    /** Interim (1xx) responses skipped before the server is taken to be broken. */
    private static final int MAX_INTERIM = 16;

    private final EventLoop loop;
    private final HttpConnection conn;
    private final OutgoingRequest request;
    /** The sock-read limit in nanoseconds, or 0 for none. */
    private final long sockReadNanos;
    /** The loop time at which the whole request times out, or {@link Long#MAX_VALUE}. */
    private final long deadline;

    private ResponseHead head;
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private int buffered;
    private boolean complete;
    private ClientException failure;
    /** Whether any byte of the response came (a retry is then unsafe). */
    private boolean responseStarted;
    private boolean readingPaused;
    private int interim;
    /** Whether the message being parsed is an interim (1xx) one. */
    private boolean inInterim;
    private boolean abandoned;
    /** Loop time of the last read from the server. */
    private long lastRead;
    /** Where the requesting task waits for the connection's events. */
    private final Wakeup wakeup;
    private Handle readTimer;
    private Handle totalTimer;

    Exchange(EventLoop loop, HttpConnection conn, OutgoingRequest request, long deadline) {
        this.loop = loop;
        this.conn = conn;
        this.request = request;
        Duration sockRead = request.timeout().sockRead();
        this.sockReadNanos = sockRead == null ? 0 : sockRead.toNanos();
        this.deadline = deadline;
        this.wakeup = new Wakeup(loop);
    }

    OutgoingRequest request() {
        return request;
    }

    HttpConnection connection() {
        return conn;
    }

    /** Arms the timers: called when the request starts to go out. */
    void start() {
        lastRead = loop.time();
        if (deadline != Long.MAX_VALUE) {
            totalTimer = loop.callAt(deadline, () -> timedOut(new ServerTimeoutException(
                    "Timeout: " + request + " took longer than the total timeout " + request.timeout().total(), null)));
        }
        armReadTimer();
    }

    // ================================================================ events from the connection

    /** Bytes of the response arrived (before they are parsed). */
    void bytesArrived() {
        responseStarted = true;
        lastRead = loop.time();
    }

    void onHead(ResponseHead h) {
        if (h.informational()) {
            inInterim = true;
            if (++interim > MAX_INTERIM) {
                fail(new ClientResponseException(h.status(), "more than " + MAX_INTERIM + " interim (1xx) responses",
                        request.url(), h.headers(), List.of(), null));
                conn.abort();
            }
            return;
        }
        head = h;
        wake();
    }

    void onBody(ByteBuffer data) {
        byte[] b = new byte[data.remaining()];
        data.get(b);
        chunks.addLast(b);
        buffered += b.length;
        if (buffered > HIGH && !readingPaused && !complete) {
            readingPaused = true;
            conn.pauseReading();
            cancel(readTimer);
            readTimer = null;
        }
        wake();
    }

    /** The response is complete: every byte is queued here. */
    void onComplete() {
        if (inInterim) {
            inInterim = false; // the end of a 1xx: the final response follows
            return;
        }
        complete = true;
        cancelTimers();
        wake();
    }

    /**
     * The exchange failed; the first failure wins, and none after the response completed.
     *
     * @param e what failed
     */
    void fail(ClientException e) {
        if (complete || failure != null) {
            return;
        }
        failure = e;
        cancelTimers();
        wake();
    }

    /** Whether the task let go of the response (released it, or was cancelled) before its end. */
    boolean abandoned() {
        return abandoned;
    }

    boolean headKnown() {
        return head != null;
    }

    boolean responseStarted() {
        return responseStarted;
    }

    boolean isComplete() {
        return complete;
    }

    boolean failed() {
        return failure != null;
    }

    // ================================================================ what the task calls

    /**
     * Waits for the response's head. Suspends the calling task.
     *
     * @return the head
     * @throws ClientException if the exchange failed first
     */
    ResponseHead awaitHead() throws ClientException {
        while (head == null) {
            if (failure != null) {
                throw failure;
            }
            park();
        }
        return head;
    }

    /**
     * Takes the next piece of the body, waiting for one. Suspends the calling task.
     *
     * @return the bytes, or {@code null} at the end of the body
     * @throws ClientException if the body failed (after the bytes that came before the fault)
     */
    byte[] next() throws ClientException {
        while (chunks.isEmpty()) {
            if (complete) {
                return null;
            }
            if (failure != null) {
                throw failure;
            }
            park();
        }
        byte[] b = chunks.pollFirst();
        buffered -= b.length;
        if (readingPaused && buffered < LOW) {
            readingPaused = false;
            conn.resumeReading();
            lastRead = loop.time();
            armReadTimer();
        }
        return b;
    }

    /**
     * The task let go of the response before its end: the connection cannot carry another request,
     * so it is closed. Queued bytes are dropped.
     */
    void abandon() {
        abandoned = true;
        chunks.clear();
        buffered = 0;
        if (!complete) {
            cancelTimers();
            conn.abort();
        }
    }

    private void park() {
        try {
            wakeup.park();
        } catch (CancelledError e) {
            abandon();
            throw e;
        }
    }

    private void wake() {
        wakeup.wake();
    }

    // ================================================================ timers

    private void armReadTimer() {
        if (sockReadNanos > 0 && !complete && failure == null && readTimer == null) {
            readTimer = loop.callAt(lastRead + sockReadNanos, this::readTimerFired);
        }
    }

    private void readTimerFired() {
        readTimer = null;
        if (complete || failure != null || readingPaused) {
            return;
        }
        if (loop.time() - lastRead < sockReadNanos) {
            armReadTimer(); // bytes came since it was armed: wait the rest of the gap
            return;
        }
        timedOut(new SocketReadTimeoutException("Timeout on reading data from socket: nothing came from "
                + request.origin() + " for " + request.timeout().sockRead() + " (" + request + ")", null));
    }

    private void timedOut(ClientException e) {
        totalTimer = null;
        fail(e);
        conn.abort();
    }

    private void cancelTimers() {
        cancel(readTimer);
        cancel(totalTimer);
        readTimer = null;
        totalTimer = null;
    }

    private static void cancel(Handle h) {
        if (h != null) {
            h.cancel();
        }
    }

    @Override
    public String toString() {
        return "<Exchange " + request + (complete ? " complete" : failure != null ? " failed" : head != null ? " body"
                : " head") + " buffered=" + buffered + ">";
    }
}
