package io.aio4j.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into addresses, for {@code openConnection} and friends: asyncio's
 * {@code getaddrinfo} seam, aiohttp's {@code AbstractResolver}. Called in a task; may suspend it,
 * never blocks the loop.
 */
@FunctionalInterface
public interface Resolver {
    /**
     * Resolves a host name or an address literal. Suspends the calling task.
     *
     * @param host the name, or an IPv4 or IPv6 literal
     * @return its addresses, in the order to try them; never empty
     * @throws UnknownHostException if the name does not resolve
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
