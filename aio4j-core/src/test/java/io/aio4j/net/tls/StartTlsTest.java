package io.aio4j.net.tls;

import static io.aio4j.net.tls.TlsTesting.ascii;
import static io.aio4j.net.tls.TlsTesting.closeAndCheckNoLeaks;
import static io.aio4j.net.tls.TlsTesting.port;
import static io.aio4j.net.tls.TlsTesting.recordLoopErrors;
import static io.aio4j.net.tls.TlsTesting.serverTls;
import static io.aio4j.net.tls.TlsTesting.trustingTestCa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.net.Connection;
import io.aio4j.net.ConnectionHandler;
import io.aio4j.net.Net;
import io.aio4j.net.Server;
import io.aio4j.net.ServerTls;
import io.aio4j.net.TlsCertificateException;
import io.aio4j.net.TlsHandshakeException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** STARTTLS: a plain stream connection upgraded in place, both sides with aio4j's {@code startTls}. */
@Timeout(60)
class StartTlsTest {
    @BeforeAll
    static void makeCertificates() {
        TestCerts.dir();
    }

    /** A toy STARTTLS server: "STARTTLS" gets "GO", then TLS; every later line comes back tagged. */
    private static ConnectionHandler starttlsServer(ServerTls tls, List<String> serverLog) {
        return (r, w) -> {
            String command = ascii(r.readLine());
            serverLog.add(command.strip());
            w.write(ascii("GO\n"));
            try {
                w.startTls(tls);
            } catch (IOException e) {
                serverLog.add("failed: " + e.getClass().getSimpleName());
                return;
            }
            serverLog.add(w.transport().tlsSession().isPresent() ? "tls" : "plain?");
            byte[] line;
            while ((line = r.readLine()).length > 0) {
                w.write(ascii("secret:" + ascii(line)));
                w.drain();
            }
        };
    }

    @Test
    void bothSidesUpgradeAnOpenConnectionAndTheSameStreamsSpeakTls() {
        Aio.run(() -> {
            var errors = recordLoopErrors();
            List<String> serverLog = new ArrayList<>();
            Server server = Net.startServer(starttlsServer(serverTls("good"), serverLog), "127.0.0.1", 0);
            try (Connection c = Net.openConnection("127.0.0.1", port(server))) {
                c.writer().write(ascii("STARTTLS\n"));
                assertThat(ascii(c.reader().readLine())).isEqualTo("GO\n");
                assertThat(c.writer().canWriteEof()).isTrue();
                // another task writes while the handshake runs: held, then encrypted
                Task<Void> early = Aio.createTask(() -> {
                    c.writer().write(ascii("early\n"));
                    return null;
                });
                c.writer().startTls(trustingTestCa(), "localhost");
                Aio.await(early);
                assertThat(c.writer().transport().tlsSession()).isPresent();
                assertThat(c.writer().canWriteEof()).isFalse();
                assertThat(ascii(c.reader().readLine())).isEqualTo("secret:early\n");
                c.writer().write(ascii("hello\n"));
                c.writer().drain();
                assertThat(ascii(c.reader().readLine())).isEqualTo("secret:hello\n");
                assertThatThrownBy(() -> c.writer().startTls(trustingTestCa(), "localhost"))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("already");
            }
            closeAndCheckNoLeaks(server);
            assertThat(serverLog).containsExactly("STARTTLS", "tls");
            assertThat(errors).isEmpty();
        });
    }

    @Test
    void aRejectedCertificateFailsTheUpgradeAndClosesTheConnection() {
        Aio.run(() -> {
            List<String> serverLog = new ArrayList<>();
            Server server = Net.startServer(starttlsServer(serverTls("expired"), serverLog), "127.0.0.1", 0);
            try (Connection c = Net.openConnection("127.0.0.1", port(server))) {
                c.writer().write(ascii("STARTTLS\n"));
                c.reader().readLine();
                TlsCertificateException e = null;
                try {
                    c.writer().startTls(trustingTestCa(), "localhost");
                } catch (TlsCertificateException x) {
                    e = x;
                }
                assertThat(e).isNotNull();
                assertThat(e.reason()).isEqualTo(TlsCertificateException.Reason.EXPIRED);
                TlsCertificateException seen = e;
                assertThatThrownBy(() -> c.reader().readLine()).isSameAs(seen); // the reader fails with it too
                assertThat(c.writer().isClosing()).isTrue();
            }
            closeAndCheckNoLeaks(server);
            assertThat(serverLog).containsExactly("STARTTLS", "failed: TlsHandshakeException");
        });
    }

    @Test
    void plaintextReadAheadOfTheHandshakeIsRefused() {
        Aio.run(() -> {
            Server server = Net.startServer((r, w) -> {
                w.write(ascii("GO\ninjected"));
                w.drain();
                r.read(-1);
            }, "127.0.0.1", 0);
            try (Connection c = Net.openConnection("127.0.0.1", port(server))) {
                assertThat(ascii(c.reader().readLine())).isEqualTo("GO\n");
                long deadline = System.nanoTime() + 5_000_000_000L; // usually it came with "GO" already
                while (c.reader().buffered() == 0 && System.nanoTime() < deadline) {
                    Aio.sleep(java.time.Duration.ofMillis(1));
                }
                assertThat(c.reader().buffered()).isPositive();
                assertThatThrownBy(() -> c.writer().startTls(trustingTestCa(), "localhost"))
                        .isInstanceOf(TlsHandshakeException.class)
                        .hasMessageContaining("CVE-2011-0411");
            }
            closeAndCheckNoLeaks(server);
        });
    }
}
