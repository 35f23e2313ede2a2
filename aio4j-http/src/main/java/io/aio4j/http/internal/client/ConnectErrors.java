package io.aio4j.http.internal.client;

import io.aio4j.http.ClientConnectorCertificateException;
import io.aio4j.http.ClientConnectorDnsException;
import io.aio4j.http.ClientConnectorException;
import io.aio4j.http.ClientConnectorSslException;
import io.aio4j.http.ClientException;
import io.aio4j.http.ConnectionTimeoutException;
import io.aio4j.net.ConnectTimeoutException;
import io.aio4j.net.TlsCertificateException;
import io.aio4j.net.TlsHandshakeException;
import io.aio4j.net.TlsHandshakeTimeoutException;
import java.io.IOException;
import java.net.UnknownHostException;

/** Thread-safe (stateless). Turns the socket layer's connect errors into the client's tree. */
final class ConnectErrors {
    private ConnectErrors() {
    }

    /**
     * Maps a failed connect.
     *
     * @param o where it went
     * @param e what the socket layer raised
     * @return the client's exception, with {@code e} as its cause
     */
    static ClientException map(Origin o, IOException e) {
        String ssl = o.https() ? "default" : "False";
        if (e instanceof TlsHandshakeTimeoutException || e instanceof ConnectTimeoutException) {
            return new ConnectionTimeoutException("Connection timeout to host " + o + ": " + e.getMessage(), e);
        }
        if (e instanceof UnknownHostException) {
            return new ClientConnectorDnsException(o.host(), o.port(), ssl, e);
        }
        if (e instanceof TlsCertificateException) {
            return new ClientConnectorCertificateException(o.host(), o.port(), ssl, e);
        }
        if (e instanceof TlsHandshakeException) {
            return new ClientConnectorSslException(o.host(), o.port(), ssl, e);
        }
        return new ClientConnectorException(o.host(), o.port(), ssl, e);
    }
}
