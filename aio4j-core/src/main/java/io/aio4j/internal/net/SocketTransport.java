package io.aio4j.internal.net;

import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.internal.loop.SelectionHandler;
import io.aio4j.internal.loop.SelectorLoop;
import io.aio4j.net.BaseProtocol;
import io.aio4j.net.BrokenResourceException;
import io.aio4j.net.BufferedProtocol;
import io.aio4j.net.ClosedResourceException;
import io.aio4j.net.Protocol;
import io.aio4j.net.Transport;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * A TCP or Unix stream socket on the loop's selector: asyncio's {@code _SelectorSocketTransport}.
 * Reads go through the loop's shared direct buffer into {@link Protocol#dataReceived}, or straight
 * into the buffer a {@link BufferedProtocol} lends. Writes go to the socket at once when nothing is
 * queued; the rest is copied into chunks and sent when the selector says the socket can take more.
 * Loop thread only.
 */
public final class SocketTransport implements Transport, SelectionHandler {
    /** The most bytes read per readiness event, so one busy connection cannot starve the others. */
    private static final int MAX_READ_PER_EVENT = 256 * 1024;
    /** Small writes share chunks of this size while they wait, instead of one buffer each. */
    private static final int CHUNK = 16 * 1024;
    private static final int MAX_GATHER = 64;

    private final SelectorLoop loop;
    private final LoopNet net;
    private final SocketChannel channel;
    private final SocketAddress local;
    private final SocketAddress remote;
    private SelectionKey key;
    private BaseProtocol protocol;

    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    private ByteBuffer[] gather;
    private final WriteFlowControl flow;
    private boolean readingPaused;
    private boolean eofReceived;
    private boolean eofRequested;
    private boolean closing;
    private boolean lost;
    private int interest = -1;
    /** A file send found the socket full: waiting for writability to resume the protocol. */
    private boolean fileBlocked;
    private Runnable lostListener;

    /**
     * Wraps a connected, non-blocking channel. Call {@link #start()} to register it and tell the
     * protocol.
     *
     * @param loop the loop
     * @param channel the connected channel
     * @param protocol its protocol: a {@link Protocol} or a {@link BufferedProtocol}
     * @throws IOException if the channel's addresses cannot be read
     */
    public SocketTransport(SelectorLoop loop, SocketChannel channel, BaseProtocol protocol) throws IOException {
        this.loop = loop;
        this.flow = new WriteFlowControl(loop, () -> protocol.pauseWriting(), () -> protocol.resumeWriting(), this);
        this.net = LoopNet.of(loop);
        this.channel = channel;
        this.protocol = checked(protocol);
        this.local = channel.getLocalAddress();
        this.remote = channel.getRemoteAddress();
    }

    private static BaseProtocol checked(BaseProtocol p) {
        if (!(p instanceof Protocol) && !(p instanceof BufferedProtocol)) {
            throw new IllegalArgumentException("a stream transport needs a Protocol or a BufferedProtocol, not " + p);
        }
        return p;
    }

    /**
     * Registers the channel for reading and calls {@code connectionMade}. If that throws, the
     * transport is aborted and the exception passed on.
     *
     * @throws IOException if the channel cannot be registered
     */
    public void start() throws IOException {
        start(null);
    }

    /**
     * Like {@link #start()}, taking over the key the channel was connected with (a cancelled key
     * cannot be registered again before the next select).
     *
     * @param existing the channel's key with this loop's selector, or {@code null}
     * @throws IOException if the channel cannot be registered
     */
    public void start(SelectionKey existing) throws IOException {
        if (existing != null) {
            key = existing;
            key.attach(this);
            key.interestOps(SelectionKey.OP_READ);
        } else {
            key = loop.register(channel, SelectionKey.OP_READ, this);
        }
        interest = SelectionKey.OP_READ;
        net.opened(this);
        try {
            protocol.connectionMade(this);
        } catch (RuntimeException | Error e) {
            abort();
            throw e;
        }
    }

    // ============================================================ readiness

    @Override
    public void onSelected(SelectionKey k) {
        int ready = k.readyOps();
        if ((ready & SelectionKey.OP_READ) != 0) {
            onReadable();
        }
        if ((ready & SelectionKey.OP_WRITE) != 0 && k.isValid()) {
            onWritable();
        }
    }

    private void onReadable() {
        // Like asyncio's selector transports, read until the socket is drained, the buffer came
        // back short, or MAX_READ_PER_EVENT bytes arrived: one select can then carry a burst.
        int total = 0;
        while (!closing && !readingPaused && !eofReceived) {
            int n;
            int asked;
            String callback = "dataReceived()";
            try {
                if (protocol instanceof BufferedProtocol bp) {
                    callback = "getBuffer()";
                    ByteBuffer b = bp.getBuffer(LoopNet.READ_SIZE);
                    if (b == null || !b.hasRemaining()) {
                        fatal(new IllegalStateException("BufferedProtocol.getBuffer() returned no room: " + b), callback);
                        return;
                    }
                    asked = b.remaining();
                    n = channel.read(b);
                    if (n > 0) {
                        callback = "bufferUpdated()";
                        bp.bufferUpdated(n);
                    }
                } else {
                    ByteBuffer b = net.readBuffer();
                    asked = b.remaining();
                    n = channel.read(b);
                    if (n > 0) {
                        ((Protocol) protocol).dataReceived(b.flip());
                    }
                }
            } catch (IOException e) {
                fatal(broken("reading from", e), null);
                return;
            } catch (RuntimeException e) {
                fatal(e, callback);
                return;
            }
            if (n < 0) {
                onEof();
                return;
            }
            total += n;
            if (n < asked || total >= MAX_READ_PER_EVENT) {
                return;
            }
        }
    }

    private void onEof() {
        eofReceived = true;
        updateInterest();
        boolean keepOpen;
        try {
            keepOpen = protocol instanceof BufferedProtocol bp ? bp.eofReceived() : ((Protocol) protocol).eofReceived();
        } catch (RuntimeException e) {
            fatal(e, "eofReceived()");
            return;
        }
        if (!keepOpen) {
            close();
        }
    }

    private void onWritable() {
        if (pending.isEmpty()) {
            unblockFile();
            updateInterest();
            return;
        }
        long written;
        try {
            if (pending.size() == 1) {
                written = channel.write(pending.peekFirst());
            } else {
                int n = Math.min(pending.size(), MAX_GATHER);
                if (gather == null || gather.length < n) {
                    gather = new ByteBuffer[MAX_GATHER];
                }
                int i = 0;
                for (ByteBuffer b : pending) {
                    if (i == n) {
                        break;
                    }
                    gather[i++] = b;
                }
                written = channel.write(gather, 0, n);
                java.util.Arrays.fill(gather, 0, n, null);
            }
        } catch (IOException e) {
            fatal(broken("writing to", e), null);
            return;
        }
        while (!pending.isEmpty() && !pending.peekFirst().hasRemaining()) {
            pending.pollFirst();
        }
        flow.removed(written);
        if (pending.isEmpty()) {
            unblockFile();
            updateInterest();
            if (closing) {
                scheduleLost(null);
            } else if (eofRequested) {
                shutdownOutput();
            }
        }
    }

    // ============================================================ writing

    @Override
    public void write(ByteBuffer data) {
        if (eofRequested) {
            throw new IllegalStateException("Cannot call write() after writeEof()");
        }
        if (closing || lost) {
            data.position(data.limit()); // asyncio ignores writes to a closed transport too
            return;
        }
        if (!data.hasRemaining()) {
            return;
        }
        if (pending.isEmpty()) {
            try {
                channel.write(data);
            } catch (IOException e) {
                fatal(broken("writing to", e), null);
                return;
            }
            if (!data.hasRemaining()) {
                return;
            }
        }
        int n = data.remaining();
        enqueue(data);
        updateInterest();
        flow.added(n);
    }

    @Override
    public long sendFile(FileChannel file, long position, long count) throws IOException {
        if (closing || lost || eofRequested) {
            throw new ClosedResourceException("cannot send a file: the transport " + this + " is closing");
        }
        if (!pending.isEmpty()) {
            blockFile(); // the buffered bytes go first
            return 0;
        }
        long n;
        try {
            n = file.transferTo(position, count, channel);
        } catch (IOException e) {
            if (!channel.isOpen() || e.getMessage() != null && (e.getMessage().contains("Broken pipe")
                    || e.getMessage().contains("reset"))) {
                BrokenResourceException broken = broken("sending a file to", e);
                fatal(broken, null);
                throw broken;
            }
            throw e; // reading the file failed: the caller's file, the connection is fine
        }
        if (n < count) {
            blockFile();
        }
        return n;
    }

    /** The socket (or the buffer) is full: pause the protocol until the socket is writable. */
    private void blockFile() {
        fileBlocked = true;
        flow.pauseNow();
        updateInterest();
    }

    private void unblockFile() {
        if (fileBlocked) {
            fileBlocked = false;
            flow.resumeNow();
        }
    }

    private void enqueue(ByteBuffer data) {
        int n = data.remaining();
        ByteBuffer last = pending.peekLast();
        if (last != null && last.capacity() - last.limit() >= n) {
            int p = last.position();
            last.position(last.limit()).limit(last.capacity());
            last.put(data);
            last.limit(last.position()).position(p);
            return;
        }
        ByteBuffer chunk = ByteBuffer.allocate(Math.max(n, CHUNK));
        chunk.put(data).flip();
        pending.addLast(chunk);
    }

    @Override
    public void writeEof() {
        if (closing || eofRequested) {
            return;
        }
        eofRequested = true;
        if (pending.isEmpty()) {
            shutdownOutput();
        }
    }

    private void shutdownOutput() {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            fatal(broken("half-closing", e), null);
        }
    }

    @Override
    public boolean canWriteEof() {
        return true;
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        flow.setLimits(high, low);
    }

    @Override
    public long writeBufferSize() {
        return flow.size();
    }

    // ============================================================ reading control

    @Override
    public void pauseReading() {
        if (closing || readingPaused) {
            return;
        }
        readingPaused = true;
        updateInterest();
    }

    @Override
    public void resumeReading() {
        if (closing || !readingPaused) {
            return;
        }
        readingPaused = false;
        updateInterest();
    }

    @Override
    public boolean isReading() {
        return !readingPaused && !closing;
    }

    private void updateInterest() {
        if (key == null || !key.isValid()) {
            return;
        }
        int ops = (closing || readingPaused || eofReceived ? 0 : SelectionKey.OP_READ)
                | (pending.isEmpty() && !fileBlocked ? 0 : SelectionKey.OP_WRITE);
        if (ops != interest) {
            interest = ops;
            key.interestOps(ops);
        }
    }

    // ============================================================ closing

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        updateInterest();
        if (pending.isEmpty()) {
            scheduleLost(null);
        }
    }

    /**
     * Closes at once, dropping what is buffered, and resets the connection: the peer's next read
     * or write fails as after a crash, instead of reading EOF. This is TCP's ABORT (RFC 793 §3.8,
     * "a special RESET message to be sent"), done as Twisted's {@code abortConnection} does it:
     * {@code SO_LINGER} 0, then close. Unix sockets have no such option: their peer reads EOF, or a
     * reset if bytes were left unread here.
     */
    @Override
    public void abort() {
        if (!lost && channel.supportedOptions().contains(StandardSocketOptions.SO_LINGER)) {
            try {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException e) {
                // the socket is already gone: there is nothing left to reset
            }
        }
        forceClose(null);
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    /** Ends the connection because of {@code cause}; reports it when it is the program's fault. */
    private void fatal(Exception cause, String callback) {
        if (callback != null) {
            report("Fatal error: protocol." + callback + " call failed.", cause);
        }
        forceClose(cause);
    }

    private void forceClose(Exception cause) {
        if (lost) {
            return;
        }
        closing = true;
        pending.clear();
        flow.clear();
        updateInterest();
        scheduleLost(cause);
    }

    private void scheduleLost(Exception cause) {
        if (lost) {
            return;
        }
        lost = true;
        if (key != null) {
            key.cancel();
        }
        loop.callSoon(() -> callConnectionLost(cause));
    }

    private void callConnectionLost(Exception cause) {
        try {
            protocol.connectionLost(cause);
        } catch (RuntimeException e) {
            report("protocol.connectionLost() failed", e);
        } finally {
            closeChannel();
            if (lostListener != null) {
                lostListener.run();
            }
        }
    }

    /**
     * Sets what runs after the protocol heard that the connection was lost (a server's count).
     *
     * @param listener the listener
     */
    void onLost(Runnable listener) {
        this.lostListener = listener;
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to lose
        }
        net.closed(this);
    }

    /** Closes the socket without telling the protocol: the loop is closing. */
    void closeNow() {
        lost = true;
        closing = true;
        if (key != null) {
            key.cancel();
        }
        closeChannel();
    }

    private void report(String message, Throwable e) {
        loop.callExceptionHandler(ExceptionContext.of(message + "\ntransport: " + this, e));
    }

    private BrokenResourceException broken(String doing, IOException e) {
        return new BrokenResourceException("connection " + (remote == null ? "" : "with " + remote + " ")
                + "broke while " + doing + " it: " + e.getMessage(), e);
    }

    // ============================================================ accessors

    @Override
    public BaseProtocol protocol() {
        return protocol;
    }

    @Override
    public void setProtocol(BaseProtocol protocol) {
        this.protocol = checked(protocol);
    }

    @Override
    public SocketAddress localAddress() {
        return local;
    }

    @Override
    public SocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public EventLoop loop() {
        return loop;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("<SocketTransport ").append(local).append(" -> ").append(remote);
        s.append(lost ? " closed" : closing ? " closing" : " open");
        if (readingPaused) {
            s.append(" reading paused");
        }
        if (flow.size() > 0) {
            s.append(" write buffer=").append(flow.size());
        }
        return s.append('>').toString();
    }
}
