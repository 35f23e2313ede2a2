package io.aio4j.net.tls;

import static io.aio4j.net.tls.TlsTesting.LINE_ECHO;
import static io.aio4j.net.tls.TlsTesting.closeAndCheckNoLeaks;
import static io.aio4j.net.tls.TlsTesting.port;
import static io.aio4j.net.tls.TlsTesting.roundTrip;
import static io.aio4j.net.tls.TlsTesting.tls;
import static io.aio4j.net.tls.TlsTesting.tlsServer;
import static io.aio4j.net.tls.TlsTesting.trustingTestCa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.Aio;
import io.aio4j.net.ClientTls;
import io.aio4j.net.Connection;
import io.aio4j.net.Net;
import io.aio4j.net.Server;
import io.aio4j.net.ServerTls;
import io.aio4j.net.TlsCertificateException;
import io.aio4j.net.TlsCertificateException.Reason;
import java.io.FileInputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The certificates of HTTP-RELIABILITY.md §4 against an aio4j TLS server, by name and by address:
 * each bad one fails with its reason, the good one works, and a rejected client does not harm the
 * server.
 */
@Timeout(60)
class TlsCertificateTest {
    @BeforeAll
    static void makeCertificates() {
        TestCerts.dir(); // outside the loop: the OpenSSL recipe takes seconds
    }

    @ParameterizedTest(name = "{0} via {1}: {2}")
    @CsvSource({
        "wronghost,  localhost, HOSTNAME_MISMATCH",
        "wronghost,  127.0.0.1, IP_MISMATCH",
        "expired,    localhost, EXPIRED",
        "expired,    127.0.0.1, EXPIRED",
        "notyet,     localhost, NOT_YET_VALID",
        "notyet,     127.0.0.1, NOT_YET_VALID",
        "untrusted,  localhost, UNTRUSTED_ROOT",
        "untrusted,  127.0.0.1, UNTRUSTED_ROOT",
        "selfsigned, localhost, SELF_SIGNED",
        "selfsigned, 127.0.0.1, SELF_SIGNED",
    })
    void aBadCertificateFailsWithItsReasonAndTheServerServesOn(String cert, String host, Reason reason) {
        Aio.run(() -> {
            Server server = tlsServer(cert, LINE_ECHO);
            TlsCertificateException e = null;
            try {
                Net.openConnection(host, port(server), tls(trustingTestCa())).close();
            } catch (TlsCertificateException x) {
                e = x;
            }
            assertThat(e).as("connecting to the %s certificate", cert).isNotNull();
            assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
            assertThat(e.host()).isEqualTo(host);
            assertThat(e.getMessage()).contains("the server's certificate").contains(host);
            assertThat(e.certificates()).isNotEmpty();
            assertThat(e).isInstanceOf(SSLHandshakeException.class);

            // The server shrugged it off: the next client (not checking) is served.
            try (Connection c = Net.openConnection(host, port(server), tls(ClientTls.insecure()))) {
                assertThat(roundTrip(c, "still there?")).isEqualTo("still there?\n");
            }
            closeAndCheckNoLeaks(server);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1"})
    void theGoodCertificateIsTrustedByNameAndByAddress(String host) {
        Aio.run(() -> {
            Server server = tlsServer("good", LINE_ECHO);
            try (Connection c = Net.openConnection(host, port(server), tls(trustingTestCa()))) {
                assertThat(roundTrip(c, "hello")).isEqualTo("hello\n");
                var session = c.writer().transport().tlsSession().orElseThrow();
                assertThat(session.getProtocol()).startsWith("TLSv1.");
                assertThat(((X509Certificate) session.getPeerCertificates()[0]).getSubjectX500Principal().getName())
                        .isEqualTo("CN=good");
            }
            closeAndCheckNoLeaks(server);
        });
    }

    @Test
    void wrongHostPassesWhenHostNameVerificationIsTurnedOff() {
        Aio.run(() -> {
            Server server = tlsServer("wronghost", LINE_ECHO);
            try (Connection c = Net.openConnection("localhost", port(server),
                    tls(trustingTestCa().withVerifyHostname(false)))) {
                assertThat(roundTrip(c, "x")).isEqualTo("x\n");
            }
            closeAndCheckNoLeaks(server);
        });
    }

    @Test
    void theServerNameOverridesTheHostForTheCheck() {
        Aio.run(() -> {
            Server server = tlsServer("wronghost", LINE_ECHO);
            try (Connection c = Net.openConnection("127.0.0.1", port(server),
                    tls(trustingTestCa().withServerName("wrong.host.example")))) {
                assertThat(roundTrip(c, "x")).isEqualTo("x\n");
            }
            closeAndCheckNoLeaks(server);
        });
    }

    @Test
    void insecureConnectsToASelfSignedServer() {
        Aio.run(() -> {
            Server server = tlsServer("selfsigned", LINE_ECHO);
            try (Connection c = Net.openConnection("localhost", port(server), tls(ClientTls.insecure()))) {
                assertThat(roundTrip(c, "trust me")).isEqualTo("trust me\n");
            }
            closeAndCheckNoLeaks(server);
        });
    }

    @Test
    void theSystemRootsDoNotTrustTheTestCa() {
        Aio.run(() -> {
            Server server = tlsServer("good", LINE_ECHO);
            assertThatThrownBy(() -> Net.openConnection("localhost", port(server), tls(ClientTls.defaults())))
                    .isInstanceOfSatisfying(TlsCertificateException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED_ROOT));
            closeAndCheckNoLeaks(server);
        });
    }

    @Test
    void aTrustStoreAndAKeyStoreWorkAsWellAsPemFiles() {
        Aio.run(() -> {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            try (var in = new FileInputStream(TestCerts.pem("ca").toFile())) {
                trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
            ServerTls pem = TlsTesting.serverTls("good");
            // A key store holding the same key, built from the PEM server's context is not possible:
            // build it from the files the way keytool users would have it.
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            var chain = CertificateFactory.getInstance("X.509")
                    .generateCertificates(Files.newInputStream(TestCerts.pem("good")));
            var key = java.security.KeyFactory.getInstance("RSA").generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(
                    java.util.Base64.getMimeDecoder().decode(TestCerts.text(TestCerts.key("good"))
                            .replaceAll("-----[A-Z ]+-----", "").strip())));
            keys.setKeyEntry("good", key, "pw".toCharArray(), chain.toArray(new java.security.cert.Certificate[0]));
            for (ServerTls serverTls : new ServerTls[] {pem, ServerTls.fromKeyStore(keys, "pw".toCharArray())}) {
                Server server = Net.startServer(LINE_ECHO, "127.0.0.1", 0,
                        io.aio4j.net.ServerOptions.defaults().withTls(serverTls));
                try (Connection c = Net.openConnection("localhost", port(server), tls(ClientTls.trusting(trust)))) {
                    assertThat(roundTrip(c, "ks")).isEqualTo("ks\n");
                }
                closeAndCheckNoLeaks(server);
            }
        });
    }
}
