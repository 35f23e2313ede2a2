package io.aio4j.net.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The badssl-style certificates of HTTP-RELIABILITY.md §4, made fresh by the OpenSSL recipe once
 * per JVM (certificates expire, so none are checked in): a trusted test CA ({@code ca.pem}), and
 * leaves {@code good}, {@code wronghost}, {@code expired}, {@code notyet}, {@code untrusted},
 * {@code selfsigned} (each {@code name.pem} and {@code name.key}), plus EC leaves for the key
 * formats ({@code ec8}: PKCS#8, {@code ecsec1}: SEC 1) and {@code rsa1} (PKCS#1 key). Public, in
 * aio4j-core's test jar, for the HTTPS tests of the other modules.
 */
public final class TestCerts {
    private static final String RECIPE = """
            set -e
            openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 3650 -subj "/CN=Test Root CA" \\
              -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
            openssl req -x509 -newkey rsa:2048 -nodes -keyout evilca.key -out evilca.pem -days 3650 -subj "/CN=Untrusted Root CA" \\
              -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
            mkdir -p db && : > db/index.txt && echo 1000 > db/serial
            cat > ca.cnf <<'CNF'
            [ca]
            default_ca=x
            [x]
            dir=.
            database=db/index.txt
            serial=db/serial
            new_certs_dir=db
            default_md=sha256
            policy=p
            unique_subject=no
            copy_extensions=none
            [p]
            commonName=supplied
            CNF
            sign() { n=$1; san=$2; ca=$3; shift 3
              printf "subjectAltName=%s\\nbasicConstraints=CA:FALSE\\nextendedKeyUsage=serverAuth\\n" "$san" > $n.ext
              openssl ca -batch -config ca.cnf -cert $ca.pem -keyfile $ca.key -in $n.csr -out $n.pem -extfile $n.ext -notext "$@"; }
            leaf() { n=$1; shift
              openssl req -newkey rsa:2048 -nodes -keyout $n.key -out $n.csr -subj "/CN=$n"
              sign $n "$@"; }
            leaf good      "DNS:localhost,IP:127.0.0.1" ca -days 365
            leaf wronghost "DNS:wrong.host.example"     ca -days 365
            leaf expired   "DNS:localhost,IP:127.0.0.1" ca -startdate 20200101000000Z -enddate 20200201000000Z
            leaf notyet    "DNS:localhost,IP:127.0.0.1" ca -startdate 20990101000000Z -enddate 20991231000000Z
            leaf untrusted "DNS:localhost,IP:127.0.0.1" evilca -days 365
            openssl req -x509 -newkey rsa:2048 -nodes -keyout selfsigned.key -out selfsigned.pem -days 365 \\
              -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1"
            # key formats: EC in PKCS#8 and SEC 1, RSA in PKCS#1
            openssl ecparam -name prime256v1 -genkey -noout -out ecsec1.key
            openssl req -new -key ecsec1.key -out ecsec1.csr -subj "/CN=ecsec1"
            sign ecsec1 "DNS:localhost,IP:127.0.0.1" ca -days 365
            openssl pkcs8 -topk8 -nocrypt -in ecsec1.key -out ec8.key
            cp ecsec1.pem ec8.pem
            openssl genrsa -traditional -out rsa1.key 2048
            openssl req -new -key rsa1.key -out rsa1.csr -subj "/CN=rsa1"
            sign rsa1 "DNS:localhost,IP:127.0.0.1" ca -days 365
            """;

    private static volatile Path dir;

    private TestCerts() {}

    /**
     * Returns the directory holding the certificates, made on first use.
     *
     * @return the directory
     */
    public static synchronized Path dir() {
        if (dir == null) {
            dir = generate();
        }
        return dir;
    }

    /**
     * Returns a certificate's PEM file.
     *
     * @param name e.g. {@code "good"} or {@code "ca"}
     * @return the file
     */
    public static Path pem(String name) {
        return dir().resolve(name + ".pem");
    }

    /**
     * Returns a certificate's key file.
     *
     * @param name e.g. {@code "good"}
     * @return the file
     */
    public static Path key(String name) {
        return dir().resolve(name + ".key");
    }

    static String text(Path p) {
        try {
            return Files.readString(p, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path generate() {
        try {
            Path d = Files.createTempDirectory("aio4j-tls-certs");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(d)));
            Files.writeString(d.resolve("gen.sh"), RECIPE);
            Process p = new ProcessBuilder("/bin/sh", "gen.sh").directory(d.toFile()).redirectErrorStream(true)
                    .redirectOutput(d.resolve("gen.log").toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("the OpenSSL recipe failed:\n" + Files.readString(d.resolve("gen.log")));
            }
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path d) {
        try (Stream<Path> all = Files.walk(d)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind
        }
    }
}
