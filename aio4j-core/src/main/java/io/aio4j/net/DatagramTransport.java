package io.aio4j.net;

import io.aio4j.EventLoop;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;

/**
 * A UDP socket driven by the loop's selector: asyncio's {@code DatagramTransport}. Its
 * {@link DatagramProtocol} receives the datagrams; {@link #sendTo} never blocks and never fails
 * on the spot: what the socket cannot take at once is queued, and an error the OS reports for a
 * send arrives at {@link DatagramProtocol#errorReceived}. Made by
 * {@link Net#createDatagramEndpoint}.
 *
 * <p>A transport made with a remote address is <em>connected</em>: it sends there only and
 * receives only from there, and the OS reports ICMP errors for it (see
 * {@link DatagramProtocol#errorReceived}).
 *
 * <p>Not thread-safe: use it on its loop's thread (from callbacks and tasks of that loop).
 */
public interface DatagramTransport extends AutoCloseable {
    /**
     * Sends the remaining bytes of {@code data} as one datagram to {@code target}, or queues it if
     * the socket cannot take it now: asyncio's {@code sendto}. The transport copies what it keeps:
     * the caller may reuse {@code data} when this returns (its position is then at its limit).
     * Ignored once the transport is closing, as asyncio does.
     *
     * <p><b>Pitfall:</b> a connected transport cannot send an empty datagram: the JDK's
     * {@code DatagramChannel} sends nothing for an empty buffer once connected, so this throws
     * rather than lose it silently. An unconnected transport sends empty datagrams.
     *
     * @param data the datagram; empty is allowed on an unconnected transport
     * @param target where to; on a connected transport {@code null} or its remote address
     * @throws IllegalArgumentException if {@code target} is {@code null} on an unconnected transport,
     *     or differs from the remote address of a connected one, or {@code data} is empty on a
     *     connected one
     */
    void sendTo(ByteBuffer data, SocketAddress target);

    /**
     * Sends a datagram; see {@link #sendTo(ByteBuffer, SocketAddress)}.
     *
     * @param data the datagram
     * @param target where to
     */
    default void sendTo(byte[] data, SocketAddress target) {
        sendTo(ByteBuffer.wrap(data), target);
    }

    /**
     * Sends a datagram to the remote address of a connected transport: {@code sendTo(data, null)}.
     *
     * @param data the datagram
     * @throws IllegalArgumentException if the transport is not connected
     */
    default void send(ByteBuffer data) {
        sendTo(data, null);
    }

    /**
     * Sends a datagram to the remote address; see {@link #send(ByteBuffer)}.
     *
     * @param data the datagram
     */
    default void send(byte[] data) {
        sendTo(ByteBuffer.wrap(data), null);
    }

    /**
     * Closes gracefully: stops receiving, sends what is queued, then closes the socket and calls
     * {@code connectionLost(null)}. Idempotent.
     */
    @Override
    void close();

    /** Closes at once, dropping what is queued; {@code connectionLost(null)} follows. Idempotent. */
    void abort();

    /**
     * Tells whether {@code close} or {@code abort} was called, or the endpoint ended.
     *
     * @return whether the transport is closing or closed
     */
    boolean isClosing();

    /**
     * Stops calling the protocol with datagrams until {@link #resumeReading()}. The OS keeps what
     * arrives meanwhile, and drops it once its receive buffer is full. Idempotent.
     */
    void pauseReading();

    /** Starts calling the protocol with datagrams again. Idempotent. */
    void resumeReading();

    /**
     * Tells whether the transport is receiving (not paused, not closing).
     *
     * @return whether datagram callbacks may come
     */
    boolean isReading();

    /**
     * Sets the send queue's water marks: above {@code high} bytes the protocol is paused, at or
     * below {@code low} resumed. asyncio's defaults are 64 KiB and 16 KiB.
     *
     * @param high the high water mark, at least {@code low}
     * @param low the low water mark, at least zero
     */
    void setWriteBufferLimits(int high, int low);

    /**
     * Returns how many bytes of datagrams wait in the send queue.
     *
     * @return the queued byte count
     */
    long writeBufferSize();

    /**
     * Returns the protocol that receives this transport's events.
     *
     * @return the protocol
     */
    DatagramProtocol protocol();

    /**
     * Replaces the protocol (asyncio's {@code set_protocol}). The new protocol gets no
     * {@code connectionMade}.
     *
     * @param protocol the new protocol
     */
    void setProtocol(DatagramProtocol protocol);

    /**
     * Returns the address the socket is bound to (with the port the OS picked, if it picked one).
     *
     * @return the local address
     */
    SocketAddress localAddress();

    /**
     * Returns the address a connected transport sends to and receives from.
     *
     * @return the remote address; {@code null} when the transport is not connected
     */
    SocketAddress remoteAddress();

    /**
     * Sets a socket option: {@code SO_SNDBUF}, {@code SO_RCVBUF}, {@code IP_TOS},
     * {@code IP_MULTICAST_TTL}, ... (asyncio reaches them through {@code get_extra_info('socket')}).
     *
     * @param option the option
     * @param value its value
     * @param <T> the value's type
     * @throws IOException if the OS refuses it, or the transport is closed
     */
    <T> void setOption(SocketOption<T> option, T value) throws IOException;

    /**
     * Reads a socket option.
     *
     * @param option the option
     * @param <T> the value's type
     * @return its value
     * @throws IOException if the OS refuses, or the transport is closed
     */
    <T> T getOption(SocketOption<T> option) throws IOException;

    /**
     * Returns the loop the transport runs on.
     *
     * @return the loop
     */
    EventLoop loop();
}
