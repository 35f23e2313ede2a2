package io.aio4j.net.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.Aio;
import io.aio4j.ExceptionContext;
import io.aio4j.internal.loop.SelectorLoop;
import io.aio4j.internal.net.LoopNet;
import io.aio4j.net.ClientTls;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.ConnectionHandler;
import io.aio4j.net.Net;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.ServerTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Helpers shared by the TLS tests. Call them inside a task. */
final class TlsTesting {
    private TlsTesting() {}

    static ServerTls serverTls(String cert) {
        try {
            return ServerTls.fromPem(TestCerts.pem(cert), TestCerts.key(cert));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClientTls trustingTestCa() {
        try {
            return ClientTls.trusting(TestCerts.pem("ca"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ConnectOptions tls(ClientTls tls) {
        return ConnectOptions.defaults().withTls(tls);
    }

    static Server tlsServer(String cert, ConnectionHandler handler) throws IOException {
        return Net.startServer(handler, "127.0.0.1", 0, ServerOptions.defaults().withTls(serverTls(cert)));
    }

    static int port(Server s) {
        return ((InetSocketAddress) s.sockets().get(0)).getPort();
    }

    /** Echoes lines until EOF. */
    static final ConnectionHandler LINE_ECHO = (r, w) -> {
        byte[] line;
        while ((line = r.readLine()).length > 0) {
            w.write(line);
            w.drain();
        }
    };

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static String ascii(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }

    /** Sends a line and returns the answer line. */
    static String roundTrip(Connection c, String line) throws IOException {
        c.writer().write(ascii(line + "\n"));
        c.writer().drain();
        return ascii(c.reader().readLine());
    }

    /**
     * Closes the server, waits for its connections to end, then waits (boundedly: 5 s) until no
     * socket of this loop is left open.
     */
    static void closeAndCheckNoLeaks(Server... servers) {
        for (Server s : servers) {
            s.close();
        }
        for (Server s : servers) {
            Aio.waitFor(Aio.createTask(() -> {
                s.waitClosed();
                return null;
            }), Duration.ofSeconds(5));
        }
        assertNoLeaks();
    }

    /**
     * Records what reaches the running loop's exception handler (nothing should, in these tests),
     * except the watchdog's blocked-loop reports: a cold JVM on a loaded machine loads classes for
     * a second on the loop, which says nothing about TLS.
     */
    static List<ExceptionContext> recordLoopErrors() {
        List<ExceptionContext> errors = new java.util.ArrayList<>();
        Aio.getRunningLoop().setExceptionHandler((loop, context) -> {
            if (context.blockedFor() == null) {
                errors.add(context);
            } else {
                loop.defaultExceptionHandler(context);
            }
        });
        return errors;
    }

    /** Waits (boundedly: 5 s) until no transport or server of the running loop is open. */
    static void assertNoLeaks() {
        LoopNet net = LoopNet.of((SelectorLoop) Aio.getRunningLoop());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<AutoCloseable> open = net.openResources();
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            Aio.sleep(Duration.ofMillis(2)); // connectionLost runs on a later loop turn
            open = net.openResources();
        }
        assertThat(open).as("sockets left open").isEmpty();
    }
}
