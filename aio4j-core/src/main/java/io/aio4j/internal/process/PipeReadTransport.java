package io.aio4j.internal.process;

import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.internal.loop.SelectorLoop;
import io.aio4j.net.BaseProtocol;
import io.aio4j.net.BrokenResourceException;
import io.aio4j.net.Protocol;
import io.aio4j.net.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * The read end of a child's stdout or stderr as a {@link Transport}: asyncio's
 * {@code _UnixReadPipeTransport}, with a thread in place of the selector (the JDK's process pipes
 * cannot be registered with one). A daemon platform thread, the pump, reads chunks and hands them
 * to the loop with {@code callSoonThreadsafe}; the protocol (a stream reader's) sees
 * {@code dataReceived}, then {@code eofReceived} and {@code connectionLost}, as from a socket.
 *
 * <p>Flow control: the pump reads only while it holds a permit. It has none while the protocol has
 * paused reading ({@link #pauseReading()}, called by the stream reader above twice its limit), or
 * while {@link #MAX_IN_FLIGHT} chunks wait for the loop. So a chatty child blocks on a full pipe
 * instead of filling the heap. Once the child has exited, a paused pump may read up to
 * {@link #EXIT_OVERSHOOT} more bytes: what is left is then finite (when the child exits, the JDK
 * copies what the pipe holds into memory and closes the pipe, waiting for a read in progress to
 * end first), and reading it to EOF lets the thread end even if nobody reads.
 *
 * <p>Thread-safety: the methods of {@link Transport} and {@link #processExited()} are for the loop
 * thread; the pump shares with it only the fields guarded by {@link #lock}.
 */
final class PipeReadTransport implements Transport {
    /** One read of the pump at most: the pipe hands over at most its size (64 KiB on Linux) anyway. */
    static final int CHUNK = 64 * 1024;
    /** Chunks read but not yet delivered, at most: the pump reads one while the loop delivers the other. */
    private static final int MAX_IN_FLIGHT = 2;
    /**
     * How much a paused pump may read after the child exited, in bytes: the most a Linux pipe
     * holds by default ({@code /proc/sys/fs/pipe-max-size}), which bounds what the JDK copied out of
     * it, so reading the rest to EOF needs no reader; more than that, and the pause holds again.
     */
    private static final long EXIT_OVERSHOOT = 1 << 20;

    /** Where the pipe is in its life, seen from the loop. */
    private enum State {
        /** The pump runs (or is paused); data may come. */
        OPEN,
        /** {@code close()} or {@code abort()} was called; {@code connectionLost} is scheduled. */
        CLOSING,
        /** {@code connectionLost} was called. */
        CLOSED
    }

    private final SelectorLoop loop;
    private final InputStream in;
    private final String name;
    private final Runnable onLost;
    private final Thread pump;
    private Protocol protocol;
    private State state = State.OPEN;
    /** Whether the loop counts the pump as outside work (it reads, so the loop waits for it). */
    private boolean awaited;

    private final Object lock = new Object();
    /** Guarded by {@link #lock}: the stream reader asked for a pause. */
    private boolean paused;
    /** Guarded by {@link #lock}: chunks read (or being read) and not yet delivered. */
    private int inFlight;
    /** Guarded by {@link #lock}: the child exited. */
    private boolean exited;
    /** Guarded by {@link #lock}: bytes read while paused after the exit. */
    private long overshoot;
    /** Guarded by {@link #lock}: the transport was closed; the pump delivers nothing more. */
    private boolean stopped;

    /**
     * Creates the transport; {@link #start} starts the pump.
     *
     * @param loop the loop
     * @param in the pipe
     * @param name for messages and the thread: {@code "stdout of process 1234"}
     * @param threadName the pump's name
     * @param onLost runs on the loop after {@code connectionLost}
     */
    PipeReadTransport(SelectorLoop loop, InputStream in, String name, String threadName, Runnable onLost) {
        this.loop = loop;
        this.in = in;
        this.name = name;
        this.onLost = onLost;
        this.pump = Thread.ofPlatform().daemon().name(threadName).unstarted(this::pump);
    }

    /**
     * Tells the protocol and starts pumping. Loop thread.
     *
     * @param protocol the protocol
     */
    void start(Protocol protocol) {
        this.protocol = protocol;
        protocol.connectionMade(this);
        setAwaited(true);
        pump.start();
    }

    // ============================================================ the pump's thread

    private void pump() {
        byte[][] buffers = {new byte[CHUNK], new byte[CHUNK]};
        int next = 0;
        try {
            while (true) {
                synchronized (lock) {
                    while (!stopped && !mayRead()) {
                        lock.wait();
                    }
                    if (stopped) {
                        return;
                    }
                    inFlight++;
                }
                // With at most MAX_IN_FLIGHT (2) chunks out and deliveries in order, the buffer
                // used two reads ago has been delivered: reuse it.
                byte[] b = buffers[next];
                next ^= 1;
                int n = in.read(b);
                boolean stop;
                synchronized (lock) {
                    stop = stopped;
                    if (paused && exited && n > 0) {
                        overshoot += n;
                    }
                }
                if (stop) {
                    return;
                }
                if (n < 0) {
                    post(this::onEof);
                    return;
                }
                post(() -> deliver(b, n));
            }
        } catch (IOException e) {
            post(() -> onFailure(e));
        } catch (InterruptedException e) {
            // nobody interrupts the pump but a dying JVM: end quietly
        } catch (RuntimeException e) {
            // the loop closed: nobody is left to deliver to
        } finally {
            try {
                in.close();
            } catch (IOException ignored) {
                // the thread ends anyway
            }
        }
    }

    /** Whether the pump holds a permit to read; see the class comment. Guarded by {@link #lock}. */
    private boolean mayRead() {
        boolean pauseHolds = paused && !(exited && overshoot < EXIT_OVERSHOOT);
        return inFlight < MAX_IN_FLIGHT && !pauseHolds;
    }

    private void post(Runnable r) {
        loop.callSoonThreadsafe(r); // throws once the loop is closed: pump() ends then
    }

    // ============================================================ deliveries, on the loop

    private void deliver(byte[] b, int n) {
        try {
            if (state == State.OPEN && n > 0) {
                protocol.dataReceived(ByteBuffer.wrap(b, 0, n));
            }
        } catch (RuntimeException e) {
            report("Fatal error: protocol.dataReceived() call failed.", e);
            lose(e);
        } finally {
            synchronized (lock) { // only now may the pump reuse the buffer
                inFlight--;
                lock.notifyAll();
            }
        }
    }

    private void onEof() {
        if (state != State.OPEN) {
            return;
        }
        try {
            protocol.eofReceived(); // a read-only pipe: nothing to keep open whatever it answers
        } catch (RuntimeException e) {
            report("Fatal error: protocol.eofReceived() call failed.", e);
            lose(e);
            return;
        }
        lose(null);
    }

    private void onFailure(IOException e) {
        if (state == State.OPEN) {
            lose(new BrokenResourceException("reading " + name + " failed: " + e.getMessage(), e));
        }
    }

    private void lose(Exception cause) {
        stopPump();
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        setAwaited(false);
        try {
            protocol.connectionLost(cause);
        } catch (RuntimeException e) {
            report("protocol.connectionLost() failed", e);
        } finally {
            onLost.run();
        }
    }

    private void stopPump() {
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
        }
    }

    /** The child exited: a paused pump may now read what is left; see the class comment. Loop thread. */
    void processExited() {
        synchronized (lock) {
            exited = true;
            lock.notifyAll();
        }
    }

    /** Counts the pump as outside work while it reads, so a virtual clock does not jump meanwhile. */
    private void setAwaited(boolean reading) {
        if (reading != awaited && !loop.isClosed()) {
            awaited = reading;
            if (reading) {
                loop.outsideWorkStarted();
            } else {
                loop.outsideWorkEnded();
            }
        }
    }

    private void report(String message, Throwable e) {
        loop.callExceptionHandler(ExceptionContext.of(message + "\ntransport: " + this, e));
    }

    /** Stops the pump without telling the protocol: the loop is closing. */
    void closeNow() {
        stopPump();
        state = State.CLOSED;
    }

    /**
     * Tells whether the pump thread has ended (for leak checks).
     *
     * @return whether it is done
     */
    boolean pumpDone() {
        return !pump.isAlive();
    }

    // ============================================================ Transport

    @Override
    public void pauseReading() {
        if (state != State.OPEN) {
            return;
        }
        synchronized (lock) {
            paused = true;
        }
        setAwaited(false);
    }

    @Override
    public void resumeReading() {
        if (state != State.OPEN) {
            return;
        }
        synchronized (lock) {
            paused = false;
            lock.notifyAll();
        }
        setAwaited(true);
    }

    @Override
    public boolean isReading() {
        synchronized (lock) {
            return state == State.OPEN && !paused;
        }
    }

    /** Stops reading: what the pump reads from now on is dropped; {@code connectionLost(null)} follows. */
    @Override
    public void close() {
        if (state != State.OPEN) {
            return;
        }
        state = State.CLOSING;
        stopPump();
        setAwaited(false);
        loop.callSoon(() -> lose(null));
    }

    @Override
    public void abort() {
        close();
    }

    @Override
    public boolean isClosing() {
        return state != State.OPEN;
    }

    @Override
    public void write(ByteBuffer data) {
        throw new UnsupportedOperationException(name + " is a read-only pipe");
    }

    @Override
    public void writeEof() {
        throw new UnsupportedOperationException(name + " is a read-only pipe");
    }

    @Override
    public boolean canWriteEof() {
        return false;
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        throw new UnsupportedOperationException(name + " is a read-only pipe");
    }

    @Override
    public long writeBufferSize() {
        return 0;
    }

    @Override
    public BaseProtocol protocol() {
        return protocol;
    }

    @Override
    public void setProtocol(BaseProtocol protocol) {
        if (!(protocol instanceof Protocol p)) {
            throw new IllegalArgumentException("a pipe transport needs a Protocol, not " + protocol);
        }
        this.protocol = p;
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
        boolean p;
        int f;
        synchronized (lock) {
            p = paused;
            f = inFlight;
        }
        return "<PipeReadTransport " + name + " " + state.name().toLowerCase(java.util.Locale.ROOT)
                + (p ? " paused" : "") + (f > 0 ? " in flight=" + f : "") + ">";
    }
}
