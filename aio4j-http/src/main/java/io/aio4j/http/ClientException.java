package io.aio4j.http;

import java.io.IOException;

/**
 * The root of every error the HTTP client raises: aiohttp's {@code ClientError}. It is a checked
 * {@link IOException}, as in the JDK's {@code HttpClient}. The tree is sealed and maps aiohttp's one
 * to one, so {@code catch} clauses written from aiohttp's documentation carry over:
 * <pre>
 * ClientException                              aiohttp
 * ├── ClientConnectionException                ClientConnectionError
 * │   ├── ClientOSException                    ClientOSError
 * │   │   └── ClientConnectorException         ClientConnectorError
 * │   │       ├── ClientConnectorDnsException  ClientConnectorDNSError
 * │   │       └── ClientConnectorSslException  ClientConnectorSSLError
 * │   │           └── ClientConnectorCertificateException  ClientConnectorCertificateError
 * │   ├── ServerConnectionException            ServerConnectionError
 * │   │   ├── ServerDisconnectedException      ServerDisconnectedError
 * │   │   ├── ServerTimeoutException           ServerTimeoutError
 * │   │   │   ├── ConnectionTimeoutException   ConnectionTimeoutError
 * │   │   │   └── SocketReadTimeoutException   SocketTimeoutError (renamed: java.net has one)
 * │   │   └── ServerFingerprintMismatchException  ServerFingerprintMismatch
 * │   └── ClientConnectionResetException       ClientConnectionResetError
 * ├── ClientResponseException                  ClientResponseError
 * │   ├── TooManyRedirectsException            TooManyRedirects
 * │   └── ContentTypeException                 ContentTypeError
 * ├── ClientPayloadException                   ClientPayloadError
 * ├── InvalidUrlException                      InvalidURL
 * │   └── InvalidUrlClientException            InvalidUrlClientError
 * │       └── InvalidUrlRedirectClientException  InvalidUrlRedirectClientError
 * └── NonHttpUrlClientException                NonHttpUrlClientError
 *     └── NonHttpUrlRedirectClientException    NonHttpUrlRedirectClientError
 * </pre>
 * aiohttp's {@code ClientSSLError} and {@code RedirectClientError} are mix-ins there; Java has single
 * inheritance, so their subclasses sit where their main parent is. The proxy and WebSocket errors
 * come with those features.
 */
public abstract sealed class ClientException extends IOException
        permits ClientConnectionException, ClientResponseException, ClientPayloadException, InvalidUrlException, NonHttpUrlClientException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the host or URL
     * @param cause the underlying failure, or {@code null}
     */
    protected ClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
