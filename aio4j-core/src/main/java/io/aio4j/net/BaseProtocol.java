package io.aio4j.net;

/**
 * What every protocol hears from its transport: asyncio's {@code BaseProtocol}. The transport
 * calls these methods on the loop thread, one at a time, never from inside another of them.
 *
 * <p>The life of a connection: {@link #connectionMade} once, then data callbacks, then
 * {@link #connectionLost} once. {@link #pauseWriting} and {@link #resumeWriting} come in pairs
 * between them, when the transport's write buffer crosses its high and then its low water mark.
 */
public interface BaseProtocol {
    /**
     * Called when the connection is made. A protocol usually keeps the transport here.
     *
     * @param transport the connection's transport
     */
    default void connectionMade(Transport transport) {}

    /**
     * Called once, when the connection is closed: by either side, or broken.
     *
     * @param cause {@code null} after a regular end (EOF, {@code close()}); otherwise what broke it
     */
    default void connectionLost(Exception cause) {}

    /**
     * Called when the transport's write buffer grows above its high water mark: stop writing
     * until {@link #resumeWriting}. Writing more is allowed; it is buffered.
     */
    default void pauseWriting() {}

    /** Called when the write buffer drains to its low water mark after {@link #pauseWriting}. */
    default void resumeWriting() {}
}
