package io.aio4j.internal.net;

import io.aio4j.ExceptionContext;
import io.aio4j.internal.loop.SelectorLoop;

/**
 * Loop thread only. A transport's write-buffer accounting with asyncio's high and low water marks:
 * when the bytes waiting to be written pass the high mark the protocol is told to pause writing,
 * and when they drain to the low mark, to resume ({@code _maybe_pause_protocol} and
 * {@code _maybe_resume_protocol} of asyncio's transports). A protocol callback that throws is
 * reported to the loop's exception handler; the transport goes on.
 */
public final class WriteFlowControl {
    /** asyncio's default high water mark; the low one is a quarter of it. */
    public static final int DEFAULT_HIGH = 64 * 1024;

    private final SelectorLoop loop;
    /** Tells the protocol of the time to pause writing. */
    private final Runnable pause;
    /** Tells the protocol of the time to resume writing. */
    private final Runnable resume;
    private final Object transport;
    private int high = DEFAULT_HIGH;
    private int low = DEFAULT_HIGH / 4;
    /** Bytes waiting to be written. */
    private long buffered;
    private boolean paused;

    /**
     * Creates the accounting of one transport.
     *
     * @param loop the loop, for reports
     * @param pause calls {@code pauseWriting} of the transport's protocol at the time
     * @param resume calls {@code resumeWriting} of the transport's protocol at the time
     * @param transport the transport, named in reports
     */
    public WriteFlowControl(SelectorLoop loop, Runnable pause, Runnable resume, Object transport) {
        this.loop = loop;
        this.pause = pause;
        this.resume = resume;
        this.transport = transport;
    }

    /**
     * Sets the water marks: {@code Transport.setWriteBufferLimits}.
     *
     * @param high pause above this many bytes
     * @param low resume at or below this many
     */
    public void setLimits(int high, int low) {
        if (low < 0 || high < low) {
            throw new IllegalArgumentException("need high (" + high + ") >= low (" + low + ") >= 0");
        }
        this.high = high;
        this.low = low;
        maybePause();
        maybeResume();
    }

    /**
     * Counts bytes that now wait; pauses the protocol if they pass the high mark.
     *
     * @param n how many
     */
    public void added(long n) {
        buffered += n;
        maybePause();
    }

    /**
     * Counts bytes written; resumes the protocol if the rest is at the low mark.
     *
     * @param n how many
     */
    public void removed(long n) {
        buffered -= n;
        maybeResume();
    }

    /** Pauses the protocol whatever the buffer holds: the socket took less than a file send offered. */
    public void pauseNow() {
        if (!paused) {
            paused = true;
            try {
                pause.run();
            } catch (RuntimeException e) {
                report("protocol.pauseWriting() failed", e);
            }
        }
    }

    /** Resumes a protocol paused by {@link #pauseNow()} once the socket drained, if the buffer allows. */
    public void resumeNow() {
        maybeResume();
    }

    /** Forgets the waiting bytes: the transport dropped them (abort). */
    public void clear() {
        buffered = 0;
    }

    /**
     * Returns the bytes waiting: {@code Transport.writeBufferSize}.
     *
     * @return the count
     */
    public long size() {
        return buffered;
    }

    private void maybePause() {
        if (!paused && buffered > high) {
            paused = true;
            try {
                pause.run();
            } catch (RuntimeException e) {
                report("protocol.pauseWriting() failed", e);
            }
        }
    }

    private void maybeResume() {
        if (paused && buffered <= low) {
            paused = false;
            try {
                resume.run();
            } catch (RuntimeException e) {
                report("protocol.resumeWriting() failed", e);
            }
        }
    }

    private void report(String message, Throwable e) {
        loop.callExceptionHandler(ExceptionContext.of(message + "\ntransport: " + transport, e));
    }
}
