package io.aio4j.http;

/**
 * The client could not connect to the host: refused, unreachable, no such name, or a TLS handshake
 * that failed. aiohttp's {@code ClientConnectorError}, with the same message shape:
 * {@code Cannot connect to host example.com:443 ssl:default [Connection refused]}. The cause is the
 * socket layer's typed exception (for example {@link io.aio4j.net.ConnectionRefusedException}).
 */
public sealed class ClientConnectorException extends ClientOSException
        permits ClientConnectorDnsException, ClientConnectorSslException {
    private static final long serialVersionUID = 1L;

    /** The host connected to, as in the URL. */
    private final String host;
    /** The port connected to. */
    private final int port;

    /**
     * Creates the exception.
     *
     * @param host the host, as in the URL
     * @param port the port
     * @param ssl how TLS was set: {@code "default"}, {@code "False"} for plain HTTP, or a description
     * @param cause what the socket layer raised
     */
    public ClientConnectorException(String host, int port, String ssl, Throwable cause) {
        super("Cannot connect to host " + host + ":" + port + " ssl:" + ssl + " [" + reason(cause) + "]", cause);
        this.host = host;
        this.port = port;
    }

    private static String reason(Throwable cause) {
        if (cause == null) {
            return "unknown";
        }
        String m = cause.getMessage();
        return m == null ? cause.getClass().getSimpleName() : m;
    }

    /**
     * Returns the host the client tried.
     *
     * @return the host, as in the URL
     */
    public String host() {
        return host;
    }

    /**
     * Returns the port the client tried.
     *
     * @return the port
     */
    public int port() {
        return port;
    }
}
