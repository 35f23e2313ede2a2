package io.aio4j.net;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * What a datagram endpoint hears from its {@link DatagramTransport}: asyncio's
 * {@code DatagramProtocol}. The transport calls these methods on the loop thread, one at a time,
 * never from inside another of them.
 *
 * <p>The life of an endpoint: {@link #connectionMade} once, then any number of
 * {@link #datagramReceived} and {@link #errorReceived}, then {@link #connectionLost} once.
 * {@link #pauseWriting} and {@link #resumeWriting} come in pairs between them, when the
 * transport's send queue crosses its high and then its low water mark.
 * {@snippet :
 * class Echo implements DatagramProtocol {
 *     private DatagramTransport transport;
 *
 *     @Override
 *     public void connectionMade(DatagramTransport transport) {
 *         this.transport = transport;
 *     }
 *
 *     @Override
 *     public void datagramReceived(ByteBuffer data, SocketAddress from) {
 *         transport.sendTo(data, from); // sendTo copies what it must keep
 *     }
 * }
 * }
 *
 * <h2>Pitfalls</h2>
 * <ul>
 * <li>The buffer passed to {@link #datagramReceived} belongs to the transport and is reused for the
 *     next datagram: use or copy its bytes before returning.
 * <li>UDP loses, duplicates and reorders datagrams; the transport adds no reliability.
 * <li>An exception thrown from a callback is a bug in the protocol: the transport reports it to
 *     the loop's exception handler and aborts ({@link #connectionLost} gets the exception).
 * </ul>
 */
public interface DatagramProtocol {
    /**
     * Called once the socket is bound (and connected, for an endpoint with a remote address). A
     * protocol usually keeps the transport here.
     *
     * @param transport the endpoint's transport
     */
    default void connectionMade(DatagramTransport transport) {}

    /**
     * Called with each datagram that arrives, whole (up to 64 KiB, the most UDP carries).
     * May be called with an empty buffer: a datagram of zero bytes is a datagram.
     *
     * @param data the datagram, between position and limit; valid only during the call
     * @param from who sent it; on a connected endpoint, always its remote address
     */
    default void datagramReceived(ByteBuffer data, SocketAddress from) {}

    /**
     * Called when the OS reports an error for a send or a receive: asyncio's
     * {@code error_received}. The endpoint stays open. On a connected endpoint, an ICMP "port
     * unreachable" for an earlier datagram arrives here as a {@link ConnectionRefusedException};
     * an unconnected endpoint hears nothing of the kind (the OS does not report it).
     *
     * @param error what the OS reported, typed where aio4j knows the kind
     */
    default void errorReceived(IOException error) {}

    /**
     * Called once, when the endpoint is closed.
     *
     * @param cause {@code null} after {@code close()} or {@code abort()}; otherwise what ended it
     *     (an exception a callback threw, say)
     */
    default void connectionLost(Exception cause) {}

    /**
     * Called when the transport's send queue grows above its high water mark: stop sending until
     * {@link #resumeWriting}. Sending more is allowed; it is queued.
     */
    default void pauseWriting() {}

    /** Called when the send queue drains to its low water mark after {@link #pauseWriting}. */
    default void resumeWriting() {}
}
