package io.aio4j.net;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.internal.task.FutureImpl;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The reading half of a stream connection: asyncio's {@code StreamReader}. The transport feeds it
 * bytes; tasks read them as lines, exact counts or separated chunks. Reads suspend the calling
 * task until enough bytes or EOF arrived.
 *
 * <p><b>Flow control:</b> when more than twice {@link #limit()} bytes are buffered, the reader
 * pauses its transport; it resumes it when a read brings the buffer back to the limit.
 *
 * <p><b>Cancellation:</b> a task cancelled while it waits in a read takes nothing: every byte that
 * arrived stays in the buffer for the next read, which another task may start at once.
 *
 * <p><b>One reader at a time:</b> a second task that reads while another waits gets a
 * {@link BusyResourceException}. Not thread-safe: use it from the tasks of its loop.
 */
public final class StreamReader {
    /** asyncio's default limit: 64 KiB. */
    public static final int DEFAULT_LIMIT = 1 << 16;
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] NEWLINE = {'\n'};

    private final int limit;
    private byte[] buf = EMPTY;
    private int start;
    private int end;
    private boolean eof;
    private IOException exception;
    private Future<Void> waiter;
    private Transport transport;
    private boolean paused;

    /** Creates a reader with the default limit. */
    public StreamReader() {
        this(DEFAULT_LIMIT);
    }

    /**
     * Creates a reader.
     *
     * @param limit the longest line or separated chunk it accepts, and the flow-control unit
     */
    public StreamReader(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = limit;
    }

    /**
     * Returns the limit this reader was made with.
     *
     * @return the limit in bytes
     */
    public int limit() {
        return limit;
    }

    // ------------------------------------------------------------------ the transport's side

    /**
     * Attaches the transport to pause and resume for flow control. Called by the stream protocol.
     *
     * @param transport the transport
     */
    public void setTransport(Transport transport) {
        if (this.transport != null) {
            throw new IllegalStateException("the reader already has a transport");
        }
        this.transport = transport;
    }

    /**
     * Appends bytes the peer sent and wakes a waiting read.
     *
     * @param data the bytes, between position and limit; consumed
     */
    public void feedData(ByteBuffer data) {
        if (eof) {
            throw new IllegalStateException("feedData after feedEof");
        }
        int n = data.remaining();
        if (n == 0) {
            return;
        }
        ensureRoom(n);
        data.get(buf, end, n);
        end += n;
        wakeWaiter();
        if (transport != null && !paused && size() > 2 * limit) {
            try {
                transport.pauseReading();
                paused = true;
            } catch (UnsupportedOperationException e) {
                transport = null; // cannot pause: don't try again
            }
        }
    }

    /**
     * Appends bytes; see {@link #feedData(ByteBuffer)}.
     *
     * @param data the bytes
     */
    public void feedData(byte[] data) {
        feedData(ByteBuffer.wrap(data));
    }

    /** Marks the end of the stream and wakes a waiting read. */
    public void feedEof() {
        eof = true;
        wakeWaiter();
    }

    /**
     * Makes every later read that needs more bytes throw {@code e}, and wakes a waiting read with it.
     *
     * @param e what ended the stream
     */
    public void setException(IOException e) {
        exception = e;
        Future<Void> w = waiter;
        if (w != null) {
            waiter = null;
            if (!w.cancelled()) {
                w.setException(e);
            }
        }
    }

    /**
     * Returns what ended the stream, if an error did.
     *
     * @return the exception, or {@code null}
     */
    public IOException exception() {
        return exception;
    }

    /**
     * Tells whether the stream ended and every byte was read: asyncio's {@code at_eof}.
     *
     * @return whether nothing more can be read
     */
    public boolean atEof() {
        return eof && size() == 0;
    }

    /**
     * Returns how many bytes are buffered.
     *
     * @return the count
     */
    public int buffered() {
        return end - start;
    }

    // ------------------------------------------------------------------ reads

    /**
     * Reads up to {@code n} bytes: what is buffered, or, when nothing is, what arrives next.
     * Suspends the calling task. Returns an empty array at EOF. With {@code n < 0}, reads until
     * EOF and returns everything.
     *
     * @param n the most bytes to return; negative for all of the stream
     * @return the bytes
     * @throws IOException what ended the stream, if an error did
     */
    public byte[] read(int n) throws IOException {
        if (n == 0) {
            return EMPTY;
        }
        if (n < 0) {
            while (!eof) {
                throwIfFailed();
                waitForData("read");
            }
            return take(size());
        }
        if (size() == 0 && !eof) {
            throwIfFailed();
            waitForData("read");
        }
        return take(Math.min(n, size()));
    }

    /**
     * Reads one line, up to and including {@code \n}: asyncio's {@code readline}. Suspends the
     * calling task. At EOF, returns what is left (without a newline), then an empty array.
     *
     * @return the line with its newline, or the last bytes, or an empty array at EOF
     * @throws LimitOverrunException if the line is longer than the limit; the line is consumed (up
     *     to its newline if one arrived, else the whole buffer is dropped)
     * @throws IOException what ended the stream, if an error did
     */
    public byte[] readLine() throws IOException {
        try {
            return readUntil(NEWLINE);
        } catch (IncompleteReadException e) {
            return e.partial();
        } catch (LimitOverrunException e) {
            if (startsWithAt(NEWLINE, e.consumed())) {
                start += e.consumed() + NEWLINE.length;
            } else {
                start = end;
            }
            maybeResumeTransport();
            throw e;
        }
    }

    /**
     * Reads up to and including {@code separator}: asyncio's {@code readuntil}. Suspends the
     * calling task.
     *
     * @param separator the separator, at least one byte
     * @return the bytes, ending with the separator
     * @throws IncompleteReadException if the stream ends first; it holds the rest of the buffer,
     *     which is consumed
     * @throws LimitOverrunException if the chunk is longer than the limit (the message says whether
     *     the separator was found); the buffer is left as it was
     * @throws IOException what ended the stream, if an error did
     */
    public byte[] readUntil(byte[] separator) throws IOException {
        int sepLen = separator.length;
        if (sepLen == 0) {
            throw new IllegalArgumentException("separator must be at least one byte");
        }
        int offset = 0;
        int found;
        while (true) {
            int size = size();
            if (size - offset >= sepLen) {
                found = indexOf(separator, offset);
                if (found >= 0) {
                    break;
                }
                offset = size + 1 - sepLen;
                if (offset > limit) {
                    throw new LimitOverrunException("Separator is not found, and chunk exceed the limit", offset);
                }
            }
            if (eof) {
                throw new IncompleteReadException(take(size()), -1);
            }
            throwIfFailed();
            waitForData("readUntil");
        }
        if (found > limit) {
            throw new LimitOverrunException("Separator is found, but chunk is longer than limit", found);
        }
        return take(found + sepLen);
    }

    /**
     * Reads exactly {@code n} bytes: asyncio's {@code readexactly}. Suspends the calling task.
     *
     * @param n how many; zero returns an empty array
     * @return the bytes
     * @throws IncompleteReadException if the stream ends first; it holds what was buffered, which
     *     is consumed
     * @throws IOException what ended the stream, if an error did
     */
    public byte[] readExactly(int n) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("readExactly size can not be less than zero: " + n);
        }
        while (size() < n) {
            if (eof) {
                throw new IncompleteReadException(take(size()), n);
            }
            throwIfFailed();
            waitForData("readExactly");
        }
        return take(n);
    }

    // ------------------------------------------------------------------ internals

    private int size() {
        return end - start;
    }

    private void throwIfFailed() throws IOException {
        if (exception != null) {
            throw exception;
        }
    }

    private void waitForData(String operation) throws IOException {
        // A cancelled waiter's task has not run its clean-up yet, but it reads nothing more: the
        // stream is free, so a task that takes over right after cancelling it is not refused.
        if (waiter != null && !waiter.cancelled()) {
            throw new BusyResourceException(operation + "() called while another task is already waiting for incoming data");
        }
        if (eof) {
            throw new IllegalStateException("waitForData after EOF");
        }
        if (paused) {
            paused = false;
            transport.resumeReading();
        }
        EventLoop loop = Aio.getRunningLoop();
        Transport t = transport;
        Future<Void> w = FutureImpl.label(loop.createFuture(), () -> operation + " from "
                + (t == null ? "a stream" : String.valueOf(t.remoteAddress())));
        waiter = w;
        try {
            Aio.await(w);
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        } finally {
            if (waiter == w) {
                waiter = null;
            }
        }
    }

    private void wakeWaiter() {
        Future<Void> w = waiter;
        if (w != null) {
            waiter = null;
            if (!w.cancelled()) {
                w.setResult(null);
            }
        }
    }

    private byte[] take(int n) {
        byte[] out = n == 0 ? EMPTY : Arrays.copyOfRange(buf, start, start + n);
        start += n;
        if (start == end) {
            start = end = 0;
        }
        maybeResumeTransport();
        return out;
    }

    private void maybeResumeTransport() {
        if (paused && size() <= limit) {
            paused = false;
            transport.resumeReading();
        }
    }

    private void ensureRoom(int n) {
        if (buf.length - end >= n) {
            return;
        }
        int size = size();
        if (buf.length - size >= n && start >= size) { // enough room once compacted, cheap to move
            System.arraycopy(buf, start, buf, 0, size);
        } else {
            byte[] bigger = new byte[Math.max(Math.max(1024, buf.length * 2), size + n)];
            System.arraycopy(buf, start, bigger, 0, size);
            buf = bigger;
        }
        start = 0;
        end = size;
    }

    private int indexOf(byte[] sep, int from) {
        byte first = sep[0];
        int last = end - sep.length;
        outer:
        for (int i = start + from; i <= last; i++) {
            if (buf[i] != first) {
                continue;
            }
            for (int k = 1; k < sep.length; k++) {
                if (buf[i + k] != sep[k]) {
                    continue outer;
                }
            }
            return i - start;
        }
        return -1;
    }

    private boolean startsWithAt(byte[] sep, int at) {
        if (size() < at + sep.length) {
            return false;
        }
        for (int k = 0; k < sep.length; k++) {
            if (buf[start + at + k] != sep[k]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("<StreamReader");
        if (size() > 0) {
            s.append(' ').append(size()).append(" bytes");
        }
        if (eof) {
            s.append(" eof");
        }
        if (limit != DEFAULT_LIMIT) {
            s.append(" limit=").append(limit);
        }
        if (waiter != null) {
            s.append(" waiter");
        }
        if (exception != null) {
            s.append(" exception=").append(exception);
        }
        if (transport != null) {
            s.append(" transport=").append(transport);
        }
        if (paused) {
            s.append(" paused");
        }
        return s.append('>').toString();
    }
}
