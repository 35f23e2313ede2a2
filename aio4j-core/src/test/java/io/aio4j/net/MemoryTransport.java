package io.aio4j.net;

import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.internal.net.StreamProtocol;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * One end of an in-memory stream, for tests: what one end writes, the other's protocol receives on
 * a later loop iteration, as if a socket carried it. Test-only; not a transport to ship. Loop
 * thread only.
 *
 * <p>It behaves as a socket does where the stream contract can see it:
 * <ul>
 *   <li>Bytes wait in the writer's buffer until the peer reads; a peer that pauses reading (its
 *       {@link StreamReader} does at twice its limit) stops them, so the writer's buffer grows past
 *       its high water mark and {@code pauseWriting} comes, as with a full socket.</li>
 *   <li>A delivery hands the peer at most {@link #DELIVERY_SIZE} bytes, one per loop callback, as
 *       a socket read would.</li>
 *   <li>{@link #writeEof()} and {@link #close()} deliver EOF after the buffered bytes;
 *       {@link #abort()} drops them and resets the peer, which loses the connection with a
 *       {@link BrokenResourceException} (as TCP's ABORT does, RFC 793 §3.8).</li>
 *   <li>A protocol callback that throws is reported to the loop's exception handler and the
 *       transport closed, as {@code SocketTransport} does.</li>
 * </ul>
 */
public final class MemoryTransport implements Transport {
    /** The most one delivery hands the peer: a socket read's worth. */
    public static final int DELIVERY_SIZE = 16 * 1024;

    /** The life of one end. */
    private enum State {
        /** Reading and writing. */
        OPEN,
        /** {@code close()} was called: the buffer is still going out, then EOF. */
        CLOSING,
        /** Gone: {@code connectionLost} was scheduled. */
        CLOSED
    }

    private final EventLoop loop;
    private final String name;
    private MemoryTransport peer;
    private BaseProtocol protocol;
    /** Bytes written and not yet delivered to the peer. */
    private final ArrayDeque<ByteBuffer> outgoing = new ArrayDeque<>();
    private long outgoingBytes;
    private int high = 64 * 1024;
    private int low = 16 * 1024;
    private boolean protocolPaused;
    private boolean readingPaused;
    private boolean eofRequested;
    private boolean eofSent;
    private boolean eofReceived;
    private boolean deliveryScheduled;
    private State state = State.OPEN;

    private MemoryTransport(EventLoop loop, String name) {
        this.loop = loop;
        this.name = name;
    }

    /**
     * Connects two protocols and calls their {@code connectionMade}, left first. Loop thread only.
     *
     * @param loop the loop
     * @param left the left end's protocol
     * @param right the right end's protocol
     * @return the two transports, left then right
     */
    public static MemoryTransport[] pair(EventLoop loop, BaseProtocol left, BaseProtocol right) {
        MemoryTransport a = new MemoryTransport(loop, "left");
        MemoryTransport b = new MemoryTransport(loop, "right");
        a.peer = b;
        b.peer = a;
        a.protocol = left;
        b.protocol = right;
        left.connectionMade(a);
        right.connectionMade(b);
        return new MemoryTransport[] {a, b};
    }

    /**
     * Makes a connected pair of stream connections, each a {@link StreamProtocol} over one end, as
     * {@code Net.openConnection} wires a socket. Loop thread only.
     *
     * @param loop the loop
     * @param limit the readers' limit
     * @return the two connections, left then right
     */
    public static Connection[] connections(EventLoop loop, int limit) {
        StreamProtocol left = new StreamProtocol(loop, limit, null, true);
        StreamProtocol right = new StreamProtocol(loop, limit, null, true);
        pair(loop, left, right);
        return new Connection[] {
            new Connection(left.reader(), left.writer()), new Connection(right.reader(), right.writer())
        };
    }

    // ============================================================ writing

    @Override
    public void write(ByteBuffer data) {
        if (eofRequested) {
            throw new IllegalStateException("Cannot call write() after writeEof()");
        }
        if (state != State.OPEN) {
            data.position(data.limit());
            return;
        }
        if (!data.hasRemaining()) {
            return;
        }
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data).flip();
        outgoing.addLast(copy);
        outgoingBytes += copy.remaining();
        if (!protocolPaused && outgoingBytes > high) {
            protocolPaused = true;
            protocol.pauseWriting();
        }
        scheduleDelivery();
    }

    @Override
    public void writeEof() {
        if (state != State.OPEN || eofRequested) {
            return;
        }
        eofRequested = true;
        scheduleDelivery();
    }

    @Override
    public boolean canWriteEof() {
        return true;
    }

    private void scheduleDelivery() {
        if (!deliveryScheduled) {
            deliveryScheduled = true;
            loop.callSoon(this::deliver);
        }
    }

    /** Hands the peer the next chunk, if it reads; then EOF or the end of a close, once all went. */
    private void deliver() {
        deliveryScheduled = false;
        if (state == State.CLOSED) {
            return;
        }
        if (!outgoing.isEmpty()) {
            if (peer.state == State.CLOSED) {
                // The peer is gone: a socket would answer with a reset.
                forceClose(new BrokenResourceException("memory stream " + name + ": the peer closed; "
                        + outgoingBytes + " bytes could not be delivered"), null);
                return;
            }
            if (!peer.readsNow()) {
                return; // the peer's resumeReading() schedules us again
            }
            ByteBuffer chunk = take(DELIVERY_SIZE);
            if (protocolPaused && outgoingBytes <= low) {
                protocolPaused = false;
                protocol.resumeWriting();
            }
            peer.receive(chunk);
            if (!outgoing.isEmpty()) {
                scheduleDelivery();
                return;
            }
        }
        if ((eofRequested || state == State.CLOSING) && !eofSent) {
            eofSent = true;
            loop.callSoon(peer::receiveEof);
        }
        if (state == State.CLOSING) {
            becomeClosed(null);
        }
    }

    private ByteBuffer take(int max) {
        int n = (int) Math.min(max, outgoingBytes);
        ByteBuffer chunk = ByteBuffer.allocate(n);
        while (chunk.hasRemaining()) {
            ByteBuffer head = outgoing.peekFirst();
            if (head.remaining() <= chunk.remaining()) {
                chunk.put(outgoing.pollFirst());
            } else {
                ByteBuffer part = head.slice(head.position(), chunk.remaining());
                chunk.put(part);
                head.position(head.position() + part.capacity());
            }
        }
        outgoingBytes -= n;
        return chunk.flip();
    }

    // ============================================================ the peer's side

    private boolean readsNow() {
        return state == State.OPEN && !readingPaused && !eofReceived;
    }

    private void receive(ByteBuffer chunk) {
        try {
            if (protocol instanceof BufferedProtocol bp) {
                while (chunk.hasRemaining()) {
                    ByteBuffer into = bp.getBuffer(chunk.remaining());
                    int n = Math.min(into.remaining(), chunk.remaining());
                    into.put(chunk.slice(chunk.position(), n));
                    chunk.position(chunk.position() + n);
                    bp.bufferUpdated(n);
                }
            } else {
                ((Protocol) protocol).dataReceived(chunk);
            }
        } catch (RuntimeException e) {
            forceClose(e, "dataReceived()");
        }
    }

    private void receiveEof() {
        if (state == State.CLOSED || eofReceived) {
            return;
        }
        eofReceived = true;
        boolean keepOpen;
        try {
            keepOpen = protocol instanceof BufferedProtocol bp ? bp.eofReceived() : ((Protocol) protocol).eofReceived();
        } catch (RuntimeException e) {
            forceClose(e, "eofReceived()");
            return;
        }
        if (!keepOpen) {
            close();
        }
    }

    private void reset() {
        if (state != State.CLOSED) {
            forceClose(new BrokenResourceException("memory stream " + name + ": connection reset by peer"), null);
        }
    }

    // ============================================================ reading control

    @Override
    public void pauseReading() {
        if (state == State.OPEN) {
            readingPaused = true;
        }
    }

    @Override
    public void resumeReading() {
        if (state == State.OPEN && readingPaused) {
            readingPaused = false;
            peer.scheduleDelivery();
        }
    }

    @Override
    public boolean isReading() {
        return state == State.OPEN && !readingPaused;
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        if (low < 0 || high < low) {
            throw new IllegalArgumentException("need high (" + high + ") >= low (" + low + ") >= 0");
        }
        this.high = high;
        this.low = low;
    }

    @Override
    public long writeBufferSize() {
        return outgoingBytes;
    }

    // ============================================================ closing

    @Override
    public void close() {
        if (state != State.OPEN) {
            return;
        }
        state = State.CLOSING;
        scheduleDelivery();
    }

    @Override
    public void abort() {
        if (state == State.CLOSED) {
            return;
        }
        outgoing.clear();
        outgoingBytes = 0;
        loop.callSoon(peer::reset);
        becomeClosed(null);
    }

    private void forceClose(Exception cause, String callback) {
        if (state == State.CLOSED) {
            return;
        }
        if (callback != null) {
            loop.callExceptionHandler(ExceptionContext.of("Fatal error: protocol." + callback + " call failed.\ntransport: "
                    + this, cause));
        }
        outgoing.clear();
        outgoingBytes = 0;
        if (!eofSent) {
            eofSent = true;
            loop.callSoon(peer::receiveEof);
        }
        becomeClosed(cause);
    }

    private void becomeClosed(Exception cause) {
        state = State.CLOSED;
        loop.callSoon(() -> protocol.connectionLost(cause));
        peer.scheduleDelivery(); // what the peer still sends now fails, and its close can end
    }

    @Override
    public boolean isClosing() {
        return state != State.OPEN;
    }

    // ============================================================ accessors

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
        return "<MemoryTransport " + name + " " + state + (readingPaused ? " reading paused" : "")
                + (outgoingBytes > 0 ? " write buffer=" + outgoingBytes : "") + ">";
    }
}
