package io.aio4j.internal.process;

import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.internal.loop.SelectorLoop;
import io.aio4j.internal.net.WriteFlowControl;
import io.aio4j.net.BaseProtocol;
import io.aio4j.net.BrokenResourceException;
import io.aio4j.net.Transport;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The write end of a child's stdin as a {@link Transport}: asyncio's
 * {@code _UnixWritePipeTransport}, with a thread in place of the selector. {@code write} copies
 * the bytes into chunks and queues them; a daemon platform thread writes them to the pipe (blocking
 * while the child does not read) and reports each chunk back to the loop, which counts the queued
 * bytes and pauses the protocol above the high water mark, so a {@code drain()} above waits for a
 * slow child as for a slow socket. Loop thread only, but for the writer thread's own loop.
 *
 * <p>Lifecycle ({@link State}):
 * <pre>
 * OPEN    --close() / writeEof(): the thread writes what is queued, then closes---> CLOSING
 * CLOSING --the thread closed the pipe, or failed---------------------------------> CLOSED
 * OPEN    --abort(), a write failed (the child exited, say)------------------------> CLOSED
 * </pre>
 * {@code connectionLost} is called once, on the way into CLOSED.
 */
final class PipeWriteTransport implements Transport {
    /** Queued chunks are at most this big, so the loop hears of progress during a large write. */
    private static final int CHUNK = 64 * 1024;
    /** Queued after the last chunk: close the pipe and end. */
    private static final Object CLOSE = new Object();
    /** Queued instead of the chunks: close the pipe without telling anyone (the loop already did). */
    private static final Object ABORT = new Object();

    private enum State {
        OPEN,
        CLOSING,
        CLOSED
    }

    private final SelectorLoop loop;
    private final OutputStream out;
    private final String name;
    private final Runnable onLost;
    private final Thread writer;
    /** Chunks (byte arrays) and markers for the writer thread. Thread-safe. */
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private BaseProtocol protocol;
    private State state = State.OPEN;
    private final WriteFlowControl flow;

    /**
     * Creates the transport; {@link #start} starts the writer thread.
     *
     * @param loop the loop
     * @param out the pipe
     * @param name for messages: {@code "stdin of process 1234"}
     * @param threadName the writer thread's name
     * @param onLost runs on the loop after {@code connectionLost}
     */
    PipeWriteTransport(SelectorLoop loop, OutputStream out, String name, String threadName, Runnable onLost) {
        this.loop = loop;
        this.flow = new WriteFlowControl(loop, () -> protocol.pauseWriting(), () -> protocol.resumeWriting(), this);
        this.out = out;
        this.name = name;
        this.onLost = onLost;
        this.writer = Thread.ofPlatform().daemon().name(threadName).unstarted(this::writeLoop);
    }

    /**
     * Tells the protocol and starts the writer thread. Loop thread.
     *
     * @param protocol the protocol
     */
    void start(BaseProtocol protocol) {
        this.protocol = protocol;
        protocol.connectionMade(this);
        writer.start();
    }

    // ============================================================ the writer's thread

    private void writeLoop() {
        try {
            while (true) {
                Object item = queue.take();
                if (item == ABORT) {
                    return;
                }
                if (item == CLOSE) {
                    out.close(); // the child reads EOF
                    post(() -> lose(null));
                    return;
                }
                byte[] chunk = (byte[]) item;
                out.write(chunk);
                out.flush();
                post(() -> written(chunk.length));
            }
        } catch (IOException e) {
            post(() -> lose(new BrokenResourceException("writing to " + name + " failed: " + e.getMessage(), e)));
        } catch (InterruptedException e) {
            // nobody interrupts the writer but a dying JVM: end quietly
        } catch (RuntimeException e) {
            // the loop closed: nobody is left to tell
        } finally {
            try {
                out.close();
            } catch (IOException ignored) {
                // the pipe is gone anyway
            }
        }
    }

    private void post(Runnable r) {
        loop.callSoonThreadsafe(r); // throws once the loop is closed: writeLoop() ends then
    }

    // ============================================================ reports, on the loop

    private void written(int n) {
        if (state == State.CLOSED) {
            return;
        }
        flow.removed(n);
    }

    private void lose(Exception cause) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        flow.clear();
        try {
            protocol.connectionLost(cause);
        } catch (RuntimeException e) {
            report("protocol.connectionLost() failed", e);
        } finally {
            onLost.run();
        }
    }

    /**
     * The child exited. With nothing queued the pipe is closed now (asyncio's write pipe hears the
     * reader go and closes); queued bytes make the writer thread fail on its own, and the protocol
     * hears of the broken pipe. Loop thread.
     */
    void processExited() {
        if (state == State.OPEN && flow.size() == 0) {
            close();
        }
    }

    /** Ends the writer thread without telling the protocol: the loop is closing. */
    void closeNow() {
        state = State.CLOSED;
        queue.clear();
        queue.add(ABORT);
    }

    /**
     * Tells whether the writer thread has ended (for leak checks).
     *
     * @return whether it is done
     */
    boolean writerDone() {
        return !writer.isAlive();
    }

    private void report(String message, Throwable e) {
        loop.callExceptionHandler(ExceptionContext.of(message + "\ntransport: " + this, e));
    }

    // ============================================================ Transport

    @Override
    public void write(ByteBuffer data) {
        if (state != State.OPEN) {
            data.position(data.limit()); // asyncio ignores writes to a closing transport too
            return;
        }
        int n = data.remaining();
        while (data.hasRemaining()) {
            byte[] chunk = new byte[Math.min(CHUNK, data.remaining())];
            data.get(chunk);
            queue.add(chunk);
        }
        flow.added(n);
    }

    /** Closes the pipe after what is queued: for a pipe, EOF and close are the same thing. */
    @Override
    public void writeEof() {
        close();
    }

    @Override
    public boolean canWriteEof() {
        return true;
    }

    @Override
    public void close() {
        if (state != State.OPEN) {
            return;
        }
        state = State.CLOSING;
        queue.add(CLOSE);
    }

    @Override
    public void abort() {
        if (state == State.CLOSED) {
            return;
        }
        queue.clear(); // a chunk the thread is writing now still goes out
        queue.add(ABORT);
        loop.callSoon(() -> lose(null));
        state = State.CLOSING;
    }

    @Override
    public boolean isClosing() {
        return state != State.OPEN;
    }

    @Override
    public void pauseReading() {
        throw new UnsupportedOperationException(name + " is a write-only pipe");
    }

    @Override
    public void resumeReading() {
        throw new UnsupportedOperationException(name + " is a write-only pipe");
    }

    @Override
    public boolean isReading() {
        return false;
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        flow.setLimits(high, low);
    }

    @Override
    public long writeBufferSize() {
        return flow.size();
    }

    @Override
    public BaseProtocol protocol() {
        return protocol;
    }

    @Override
    public void setProtocol(BaseProtocol protocol) {
        this.protocol = protocol;
    }

    @Override
    public SocketAddress localAddress() {
        return null;
    }

    @Override
    public SocketAddress remoteAddress() {
        return null;
    }

    @Override
    public EventLoop loop() {
        return loop;
    }

    @Override
    public String toString() {
        return "<PipeWriteTransport " + name + " " + state.name().toLowerCase(java.util.Locale.ROOT)
                + (flow.size() > 0 ? " write buffer=" + flow.size() : "") + ">";
    }
}
