package io.aio4j.http;

/**
 * The response body could not be read whole: the connection ended before the announced length
 * or the last chunk, the chunked framing or the compressed data was broken, or the decompressed body
 * passed its limit. aiohttp's {@code ClientPayloadError}. The bytes that came before the fault were
 * delivered; the connection is closed.
 */
public final class ClientPayloadException extends ClientException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the host or URL
     * @param cause the underlying failure, or {@code null}
     */
    public ClientPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
