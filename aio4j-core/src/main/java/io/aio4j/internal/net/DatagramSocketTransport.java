package io.aio4j.internal.net;

import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.internal.loop.SelectionHandler;
import io.aio4j.internal.loop.SelectorLoop;
import io.aio4j.net.BrokenResourceException;
import io.aio4j.net.ClosedResourceException;
import io.aio4j.net.ConnectionRefusedException;
import io.aio4j.net.DatagramOptions;
import io.aio4j.net.DatagramProtocol;
import io.aio4j.net.DatagramTransport;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * A UDP socket on the loop's selector: asyncio's {@code _SelectorDatagramTransport}. Datagrams are
 * received into the loop's shared read buffer and handed to the protocol; sends go to the socket
 * at once when nothing is queued, else they are copied and queued until the selector says the
 * socket can take more. Errors the OS reports for a send or a receive go to
 * {@link DatagramProtocol#errorReceived} and the endpoint stays open, as in asyncio. Loop thread
 * only.
 *
 * <p>Lifecycle ({@link State}):
 * <pre>
 * OPEN    --close(), sends queued--------------------> CLOSING
 * OPEN    --close() with nothing queued, abort(),
 *           a callback threw------------------------> CLOSED   (connectionLost scheduled)
 * CLOSING --queue drained, abort(), a callback threw-> CLOSED
 * any     --the loop closes---------------------------> CLOSED   (no connectionLost: the loop is gone)
 * </pre>
 */
public final class DatagramSocketTransport implements DatagramTransport, SelectionHandler {
    /**
     * Datagrams received per readiness event at most (asyncio takes one): a few per wake-up save
     * selects under load, and the cap keeps a flood on one socket from starving the loop.
     */
    private static final int MAX_RECEIVES_PER_EVENT = 16;

    /** Where the endpoint is in its life; see the class comment. */
    enum State {
        OPEN,
        CLOSING,
        CLOSED
    }

    /** A datagram waiting for room in the socket; {@code target} is null on a connected socket. */
    private record Pending(ByteBuffer data, SocketAddress target) {}

    private final SelectorLoop loop;
    private final LoopNet net;
    private final DatagramChannel channel;
    private final SocketAddress local;
    private final SocketAddress remote;
    private SelectionKey key;
    private DatagramProtocol protocol;

    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final WriteFlowControl flow;
    private boolean readingPaused;
    private State state = State.OPEN;
    private int interest = -1;

    private DatagramSocketTransport(SelectorLoop loop, DatagramChannel channel, DatagramProtocol protocol)
            throws IOException {
        this.loop = loop;
        this.flow = new WriteFlowControl(loop, () -> protocol.pauseWriting(), () -> protocol.resumeWriting(), this);
        this.net = LoopNet.of(loop);
        this.channel = channel;
        this.protocol = Objects.requireNonNull(protocol, "the protocol factory returned null");
        this.local = channel.getLocalAddress();
        this.remote = channel.getRemoteAddress();
    }

    /**
     * Opens, binds and (with a remote address) connects a non-blocking UDP socket, registers it
     * and calls {@code connectionMade}. The addresses must be resolved.
     *
     * @param loop the running loop
     * @param protocol the protocol
     * @param localAddress where to bind; {@code null}: an ephemeral port on every interface
     * @param remoteAddress where to connect; {@code null}: unconnected
     * @param options socket options
     * @return the started transport
     * @throws IOException if the socket cannot be opened, bound or connected
     */
    public static DatagramSocketTransport open(SelectorLoop loop, DatagramProtocol protocol,
            InetSocketAddress localAddress, InetSocketAddress remoteAddress, DatagramOptions options)
            throws IOException {
        DatagramChannel ch = DatagramChannel.open(family(localAddress, remoteAddress));
        boolean ok = false;
        try {
            ch.configureBlocking(false);
            if (options.reusePort()) {
                ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            if (options.allowBroadcast()) {
                ch.setOption(StandardSocketOptions.SO_BROADCAST, true);
            }
            try {
                ch.bind(localAddress);
            } catch (IOException e) {
                throw new IOException("error while attempting to bind on address " + localAddress + ": "
                        + e.getMessage(), e);
            }
            if (remoteAddress != null) {
                try {
                    ch.connect(remoteAddress);
                } catch (IOException e) {
                    throw Connector.typed(e, remoteAddress);
                }
            }
            DatagramSocketTransport t = new DatagramSocketTransport(loop, ch, protocol);
            t.start();
            ok = true;
            return t;
        } finally {
            if (!ok) {
                ch.close();
            }
        }
    }

    private static ProtocolFamily family(InetSocketAddress local, InetSocketAddress remote) {
        InetSocketAddress a = remote != null ? remote : local;
        if (a == null) {
            throw new IllegalArgumentException("a datagram endpoint needs a local or a remote address");
        }
        if (local != null && remote != null && !local.getAddress().isAnyLocalAddress()
                && (local.getAddress() instanceof Inet6Address) != (remote.getAddress() instanceof Inet6Address)) {
            throw new IllegalArgumentException("local " + local + " and remote " + remote
                    + " are of different families");
        }
        return a.getAddress() instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
    }

    private void start() throws IOException {
        key = loop.register(channel, SelectionKey.OP_READ, this);
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
        for (int i = 0; i < MAX_RECEIVES_PER_EVENT && state == State.OPEN && !readingPaused; i++) {
            ByteBuffer b = net.readBuffer();
            SocketAddress from;
            try {
                from = channel.receive(b);
            } catch (IOException e) {
                tellError(typed(e, "receiving on"));
                return; // the OS cleared the error; the next readiness event carries on
            }
            if (from == null) {
                return; // nothing more for now
            }
            try {
                protocol.datagramReceived(b.flip(), from);
            } catch (RuntimeException e) {
                fatal(e, "datagramReceived()");
                return;
            }
        }
    }

    private void onWritable() {
        Pending p;
        while ((p = pending.peekFirst()) != null) {
            int n = p.data().remaining();
            try {
                if (!sendNow(p.data(), p.target())) {
                    return; // still no room: wait for the next OP_WRITE
                }
            } catch (IOException e) {
                dropFirst(n); // asyncio drops the datagram the OS refused, and tells the protocol
                tellError(typed(e, "sending on"));
                if (state == State.CLOSED) {
                    return;
                }
                continue;
            }
            dropFirst(n);
        }
        updateInterest();
        if (state == State.CLOSING) {
            scheduleLost(null);
        }
    }

    private void dropFirst(int n) {
        pending.pollFirst();
        flow.removed(n);
    }

    // ============================================================ sending

    @Override
    public void sendTo(ByteBuffer data, SocketAddress target) {
        if (remote != null && target != null && !remote.equals(target)) {
            throw new IllegalArgumentException("Invalid address: must be null or " + remote + " (the transport is "
                    + "connected), not " + target);
        }
        if (remote == null && target == null) {
            throw new IllegalArgumentException("no destination: the transport is not connected, so sendTo() needs an "
                    + "address (send() is for transports made with a remote address)");
        }
        if (remote != null && !data.hasRemaining()) {
            throw new IllegalArgumentException("an empty datagram cannot be sent on a connected endpoint: the JDK's "
                    + "DatagramChannel sends nothing for an empty buffer once connected; use an unconnected endpoint");
        }
        if (state != State.OPEN) {
            data.position(data.limit()); // asyncio ignores sends on a closing transport too
            return;
        }
        if (pending.isEmpty()) {
            try {
                if (sendNow(data, target)) {
                    return;
                }
            } catch (IOException e) {
                data.position(data.limit());
                tellError(typed(e, "sending on"));
                return;
            }
        }
        int n = data.remaining();
        ByteBuffer copy = ByteBuffer.allocate(n).put(data).flip();
        pending.addLast(new Pending(copy, target));
        updateInterest();
        flow.added(n);
    }

    /** Sends one datagram; {@code false} if the socket has no room for it now. */
    private boolean sendNow(ByteBuffer data, SocketAddress target) throws IOException {
        if (!data.hasRemaining()) {
            // An empty datagram (unconnected only, see sendTo): the JDK returns 0 whether it went or
            // not; a UDP send buffer takes one unless it is full to the last byte, so count it as sent.
            channel.send(data, target);
            return true;
        }
        int n = remote != null ? channel.write(data) : channel.send(data, target);
        return n > 0;
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        flow.setLimits(high, low);
    }

    @Override
    public long writeBufferSize() {
        return flow.size();
    }

    // ============================================================ receiving control

    @Override
    public void pauseReading() {
        if (state == State.OPEN && !readingPaused) {
            readingPaused = true;
            updateInterest();
        }
    }

    @Override
    public void resumeReading() {
        if (state == State.OPEN && readingPaused) {
            readingPaused = false;
            updateInterest();
        }
    }

    @Override
    public boolean isReading() {
        return state == State.OPEN && !readingPaused;
    }

    private void updateInterest() {
        if (key == null || !key.isValid()) {
            return;
        }
        int ops = (state == State.OPEN && !readingPaused ? SelectionKey.OP_READ : 0)
                | (pending.isEmpty() ? 0 : SelectionKey.OP_WRITE);
        if (ops != interest) {
            interest = ops;
            key.interestOps(ops);
        }
    }

    // ============================================================ errors

    private void tellError(IOException e) {
        try {
            protocol.errorReceived(e);
        } catch (RuntimeException thrown) {
            fatal(thrown, "errorReceived()");
        }
    }

    /** Types what the OS reported: an ICMP port unreachable becomes a refusal, as in asyncio. */
    private IOException typed(IOException e, String doing) {
        if (e instanceof PortUnreachableException) {
            Object peer = remote != null ? remote : "the peer";
            return new ConnectionRefusedException("datagram to " + peer + " refused (ICMP port unreachable): nothing "
                    + "listens there", e);
        }
        if (state != State.OPEN && e instanceof java.nio.channels.ClosedChannelException) {
            return new ClosedResourceException("datagram endpoint " + local + " was closed", e);
        }
        return new BrokenResourceException("error " + doing + " datagram endpoint " + local + ": " + e.getMessage(), e);
    }

    private void fatal(Exception cause, String callback) {
        report("Fatal error: protocol." + callback + " call failed.", cause);
        forceClose(cause);
    }

    private void report(String message, Throwable e) {
        loop.callExceptionHandler(ExceptionContext.of(message + "\ntransport: " + this, e));
    }

    // ============================================================ closing

    @Override
    public void close() {
        if (state != State.OPEN) {
            return;
        }
        state = State.CLOSING;
        updateInterest();
        if (pending.isEmpty()) {
            scheduleLost(null);
        }
    }

    @Override
    public void abort() {
        forceClose(null);
    }

    private void forceClose(Exception cause) {
        if (state == State.CLOSED) {
            return;
        }
        pending.clear();
        flow.clear();
        scheduleLost(cause);
    }

    private void scheduleLost(Exception cause) {
        state = State.CLOSED;
        if (key != null) {
            key.cancel();
        }
        loop.callSoon(() -> {
            try {
                protocol.connectionLost(cause);
            } catch (RuntimeException e) {
                report("protocol.connectionLost() failed", e);
            } finally {
                closeChannel();
            }
        });
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
        state = State.CLOSED;
        if (key != null) {
            key.cancel();
        }
        closeChannel();
    }

    @Override
    public boolean isClosing() {
        return state != State.OPEN;
    }

    // ============================================================ accessors

    @Override
    public DatagramProtocol protocol() {
        return protocol;
    }

    @Override
    public void setProtocol(DatagramProtocol protocol) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
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
    public <T> void setOption(SocketOption<T> option, T value) throws IOException {
        channel.setOption(option, value);
    }

    @Override
    public <T> T getOption(SocketOption<T> option) throws IOException {
        return channel.getOption(option);
    }

    @Override
    public EventLoop loop() {
        return loop;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("<DatagramTransport ").append(local);
        if (remote != null) {
            s.append(" -> ").append(remote);
        }
        s.append(' ').append(state.name().toLowerCase(java.util.Locale.ROOT));
        if (readingPaused) {
            s.append(" reading paused");
        }
        if (flow.size() > 0) {
            s.append(" send queue=").append(flow.size());
        }
        return s.append('>').toString();
    }
}
