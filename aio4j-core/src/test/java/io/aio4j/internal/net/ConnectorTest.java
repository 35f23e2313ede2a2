package io.aio4j.internal.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.net.ConnectTimeoutException;
import io.aio4j.net.ConnectionRefusedException;
import io.aio4j.net.NetworkUnreachableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/**
 * {@link Connector}'s pure parts: how the JDK's connect errors become typed ones (the socket
 * paths run in {@code io.aio4j.net.ConnectTest}; an unreachable network cannot be made on demand
 * there), and which host strings are address literals.
 */
class ConnectorTest {
    static final SocketAddress TARGET = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);

    @Test
    void theOsErrorsOfAConnectBecomeTypedErrorsWithTheirCause() {
        ConnectException refused = new ConnectException("Connection refused");
        assertThat(Connector.typed(refused, TARGET)).isInstanceOf(ConnectionRefusedException.class)
                .hasMessageContaining(TARGET.toString()).hasCause(refused);

        ConnectException timedOut = new ConnectException("Connection timed out");
        assertThat(Connector.typed(timedOut, TARGET)).isInstanceOf(ConnectTimeoutException.class)
                .hasMessageContaining("(OS)").hasCause(timedOut);

        NoRouteToHostException noRoute = new NoRouteToHostException("No route to host");
        assertThat(Connector.typed(noRoute, TARGET)).isInstanceOf(NetworkUnreachableException.class).hasCause(noRoute);

        ConnectException netUnreachable = new ConnectException("Network is unreachable");
        assertThat(Connector.typed(netUnreachable, TARGET)).isInstanceOf(NetworkUnreachableException.class);
    }

    @Test
    void aUnixSocketsFullAcceptQueueIsARefusal() {
        java.net.SocketException eagain = new java.net.SocketException("Resource temporarily unavailable");
        SocketAddress unix = java.net.UnixDomainSocketAddress.of("/tmp/busy.sock");
        assertThat(Connector.typed(eagain, unix)).isInstanceOf(ConnectionRefusedException.class)
                .hasMessageContaining("accept queue is full").hasCause(eagain);
        assertThat(Connector.typed(eagain, TARGET)).as("only for Unix sockets").isSameAs(eagain);
    }

    @Test
    void otherErrorsPassThroughUnchanged() {
        IOException other = new IOException("Permission denied");
        assertThat(Connector.typed(other, TARGET)).isSameAs(other);
        ConnectException odd = new ConnectException("something else");
        assertThat(Connector.typed(odd, TARGET)).isSameAs(odd);
    }

    @Test
    void addressLiteralsAreRecognisedWithOrWithoutBrackets() throws UnknownHostException {
        assertThat(Connector.literal("127.0.0.1")).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(Connector.literal("::1")).isEqualTo(InetAddress.getByName("::1"));
        assertThat(Connector.literal("[2001:db8::1]")).isEqualTo(InetAddress.getByName("2001:db8::1"));
        assertThat(Connector.literal("localhost")).isNull();
        assertThat(Connector.literal("example.com")).isNull();
        // The shorthand IPv4 forms of inet_aton are literals too, as getaddrinfo() reads them.
        assertThat(Connector.literal("127.1")).isEqualTo(InetAddress.getByName("127.0.0.1"));
    }
}
