package io.aio4j.net;

/**
 * Thrown when a connection attempt was not answered in time (the connect timeout of the options,
 * or the OS's). The fault is at the peer or in the network: it did not answer.
 */
public class ConnectTimeoutException extends java.net.SocketTimeoutException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened, to what
     */
    public ConnectTimeoutException(String message) {
        super(message);
    }
}
