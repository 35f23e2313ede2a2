package io.aio4j.net;

/**
 * How to start a server. Start from {@link #defaults()} and change what you need.
 *
 * @param tls TLS settings; {@code null} for plain TCP
 * @param backlog the listen backlog (asyncio's default is 100)
 * @param reusePort whether to set {@code SO_REUSEPORT}, so several servers (one per loop) can
 *     share a port and the kernel spreads the connections between them
 * @param startServing whether to accept at once; if {@code false}, call
 *     {@link Server#startServing()} or {@link Server#serveForever()}
 * @param limit the stream reader's limit (asyncio's {@code limit}); stream servers only
 */
public record ServerOptions(ServerTls tls, int backlog, boolean reusePort, boolean startServing, int limit) {
    /**
     * Validates the fields.
     *
     * @param tls TLS settings, or {@code null}
     * @param backlog the listen backlog
     * @param reusePort whether to set {@code SO_REUSEPORT}
     * @param startServing whether to accept at once
     * @param limit the stream reader's limit
     */
    public ServerOptions {
        if (backlog <= 0) {
            throw new IllegalArgumentException("backlog must be positive: " + backlog);
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }

    /**
     * Returns the defaults: plain TCP, backlog 100, no {@code SO_REUSEPORT}, serving at once,
     * a 64 KiB reader limit.
     *
     * @return the default options
     */
    public static ServerOptions defaults() {
        return new ServerOptions(null, 100, false, true, StreamReader.DEFAULT_LIMIT);
    }

    /**
     * Returns these options serving TLS.
     *
     * @param tls the TLS settings; {@code null} for plain TCP
     * @return the new options
     */
    public ServerOptions withTls(ServerTls tls) {
        return new ServerOptions(tls, backlog, reusePort, startServing, limit);
    }

    /**
     * Returns these options with another backlog.
     *
     * @param backlog the listen backlog
     * @return the new options
     */
    public ServerOptions withBacklog(int backlog) {
        return new ServerOptions(tls, backlog, reusePort, startServing, limit);
    }

    /**
     * Returns these options with {@code SO_REUSEPORT} on or off.
     *
     * @param reusePort whether to set it
     * @return the new options
     */
    public ServerOptions withReusePort(boolean reusePort) {
        return new ServerOptions(tls, backlog, reusePort, startServing, limit);
    }

    /**
     * Returns these options accepting at once or not.
     *
     * @param startServing whether to accept at once
     * @return the new options
     */
    public ServerOptions withStartServing(boolean startServing) {
        return new ServerOptions(tls, backlog, reusePort, startServing, limit);
    }

    /**
     * Returns these options with another stream reader limit.
     *
     * @param limit the limit in bytes
     * @return the new options
     */
    public ServerOptions withLimit(int limit) {
        return new ServerOptions(tls, backlog, reusePort, startServing, limit);
    }
}
