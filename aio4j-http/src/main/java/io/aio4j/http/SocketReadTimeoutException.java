package io.aio4j.http;

/**
 * No byte came from the server for the {@link ClientTimeout#sockRead() sockRead} timeout while
 * the client waited for the response: aiohttp's {@code SocketTimeoutError}, renamed so it does not
 * clash with {@link java.net.SocketTimeoutException}. The timer restarts at every byte, so a slow
 * but steady body does not trip it.
 */
public final class SocketReadTimeoutException extends ServerTimeoutException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the host or URL
     * @param cause the underlying failure, or {@code null}
     */
    public SocketReadTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
