package io.aio4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.examples.demo.SelfSignedCertificate;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's hand-written DER is a certificate the JDK reads, with the names and key it should have. */
class SelfSignedCertificateTest {
    @Test
    void theJdkReadsItAndItSaysWhatWasAskedFor() throws Exception {
        SelfSignedCertificate c = SelfSignedCertificate.generate(Duration.ofDays(2), List.of("a.example", "b.example"));
        X509Certificate x = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(c.certificatePem().getBytes(StandardCharsets.US_ASCII)));
        x.verify(x.getPublicKey()); // self-signed: its own key checks its signature
        x.checkValidity();
        assertThat(x.getVersion()).isEqualTo(3);
        assertThat(x.getSubjectX500Principal().getName()).isEqualTo("CN=a.example");
        assertThat(x.getIssuerX500Principal()).isEqualTo(x.getSubjectX500Principal());
        assertThat(x.getSubjectAlternativeNames()).containsExactly(List.of(2, "a.example"), List.of(2, "b.example"));
        assertThat(x.getNotAfter().toInstant()).isBetween(Instant.now().plus(Duration.ofDays(2)).minusSeconds(3700),
                Instant.now().plus(Duration.ofDays(2)));
        assertThat(x.getSigAlgName()).isEqualTo("SHA256withECDSA");

        String pem = c.privateKeyPem().replaceAll("-----[A-Z ]+-----|\\s", "");
        var key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(key);
        s.update(new byte[] {1, 2, 3});
        byte[] sig = s.sign();
        s.initVerify(x.getPublicKey());
        s.update(new byte[] {1, 2, 3});
        assertThat(s.verify(sig)).as("the key belongs to the certificate").isTrue();
    }

    @Test
    void aLongNameTakesTheLongLengthFormAndEachCallMakesANewKey() throws Exception {
        String longName = "x".repeat(60) + "." + "y".repeat(60) + ".example";
        SelfSignedCertificate c = SelfSignedCertificate.generate(Duration.ofHours(1), List.of(longName));
        X509Certificate x = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(c.certificatePem().getBytes(StandardCharsets.US_ASCII)));
        assertThat(x.getSubjectAlternativeNames()).containsExactly(List.of(2, longName));
        assertThat(SelfSignedCertificate.generate(Duration.ofHours(1), List.of("a")).privateKeyPem())
                .isNotEqualTo(SelfSignedCertificate.generate(Duration.ofHours(1), List.of("a")).privateKeyPem());
        assertThatThrownBy(() -> SelfSignedCertificate.generate(Duration.ofHours(1), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
