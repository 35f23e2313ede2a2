package io.aio4j.testing.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.Aio;
import io.aio4j.AsyncRunnable;
import io.aio4j.ExceptionContext;
import io.aio4j.net.Connection;
import io.aio4j.net.ConnectionRefusedException;
import io.aio4j.net.Net;
import io.aio4j.net.ServerTls;
import io.aio4j.net.tls.TestCerts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Helpers shared by the tests of the HTTP test peers. Call them inside a task, except {@link #runChecked}. */
final class PeerTesting {
    private PeerTesting() {
    }

    /**
     * Runs {@code body} as the main task of a fresh loop, then checks that it left nothing behind:
     * no task but the main one, nothing reported to the loop's
     * exception handler (except the watchdog's blocked-loop reports: a cold JVM on a loaded machine
     * loads classes on the loop, which says nothing about these servers).
     */
    static void runChecked(AsyncRunnable body) {
        Aio.run(() -> {
            List<ExceptionContext> errors = new ArrayList<>();
            Aio.getRunningLoop().setExceptionHandler((loop, context) -> {
                if (context.blockedFor() == null) {
                    errors.add(context);
                } else {
                    loop.defaultExceptionHandler(context);
                }
            });
            body.run();
            assertThat(Aio.allTasks()).as("tasks left running").containsExactly(Aio.currentTask());
            assertThat(errors).as("errors reported to the loop").isEmpty();
        });
    }

    /**
     * Checks that a closed server left no socket open: neither its listening socket nor an accepted
     * connection (its aio4j {@code Server}'s count), and that its port refuses connections.
     */
    static void assertClosedCompletely(LoopbackServer server) {
        assertThat(server.openSockets()).as("sockets left open by " + server).isZero();
        assertThatThrownBy(() -> connect(server.port())).isInstanceOf(ConnectionRefusedException.class);
    }

    static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    static Connection connect(int port) throws IOException {
        return Net.openConnection("127.0.0.1", port);
    }

    /** Writes {@code request}, then reads everything until the server ends the stream. */
    static String exchange(Connection c, String request) throws IOException {
        c.writer().write(latin1(request));
        c.writer().drain();
        return latin1(c.reader().read(-1));
    }

    /** The server side of {@code TestCerts}' "good" certificate: localhost and 127.0.0.1, signed by its test CA. */
    static ServerTls goodServerTls() {
        try {
            return ServerTls.fromPem(TestCerts.pem("good"), TestCerts.key("good"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
