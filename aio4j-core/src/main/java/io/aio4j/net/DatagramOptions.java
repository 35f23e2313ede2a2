package io.aio4j.net;

/**
 * How to open a datagram endpoint. Start from {@link #defaults()} and change what you need:
 * {@snippet :
 * Net.createDatagramEndpoint(Beacon::new, null, new InetSocketAddress("255.255.255.255", 9999),
 *         DatagramOptions.defaults().withAllowBroadcast(true));
 * }
 *
 * <p>There is no {@code SO_REUSEADDR} switch: on UDP it lets another program bind the same port
 * and take a share of the datagrams, which is why asyncio removed {@code reuse_address} for
 * datagram endpoints (bpo-37228). {@code SO_REUSEPORT} asks for the same
 * sharing explicitly, and the OS allows it only between sockets of the same user.
 *
 * @param reusePort whether to set {@code SO_REUSEPORT} before binding, so several endpoints (one
 *     per loop, say) share a port and the kernel spreads the datagrams between them
 * @param allowBroadcast whether to set {@code SO_BROADCAST}, needed to send to a broadcast address
 */
public record DatagramOptions(boolean reusePort, boolean allowBroadcast) {
    /**
     * Returns the defaults: neither {@code SO_REUSEPORT} nor {@code SO_BROADCAST}.
     *
     * @return the default options
     */
    public static DatagramOptions defaults() {
        return new DatagramOptions(false, false);
    }

    /**
     * Returns these options with {@code SO_REUSEPORT} on or off.
     *
     * @param reusePort whether to set it
     * @return the new options
     */
    public DatagramOptions withReusePort(boolean reusePort) {
        return new DatagramOptions(reusePort, allowBroadcast);
    }

    /**
     * Returns these options with {@code SO_BROADCAST} on or off.
     *
     * @param allowBroadcast whether to set it
     * @return the new options
     */
    public DatagramOptions withAllowBroadcast(boolean allowBroadcast) {
        return new DatagramOptions(reusePort, allowBroadcast);
    }
}
