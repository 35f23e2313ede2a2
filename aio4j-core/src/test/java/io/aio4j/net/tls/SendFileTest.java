package io.aio4j.net.tls;

import static io.aio4j.net.tls.TlsTesting.closeAndCheckNoLeaks;
import static io.aio4j.net.tls.TlsTesting.port;
import static io.aio4j.net.tls.TlsTesting.tls;
import static io.aio4j.net.tls.TlsTesting.tlsServer;
import static io.aio4j.net.tls.TlsTesting.trustingTestCa;
import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.Aio;
import io.aio4j.net.Connection;
import io.aio4j.net.Net;
import io.aio4j.net.Server;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code Transport.sendFile}: zero-copy over a plain socket, with back-pressure; refused over TLS. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SendFileTest {

    @Test
    void aFileGoesWholeOverAPlainSocketWithoutTheJvmCopyingIt(@TempDir Path dir) throws Exception {
        byte[] data = new byte[4 * 1024 * 1024 + 3];
        new Random(5).nextBytes(data);
        Path file = dir.resolve("f.bin");
        Files.write(file, data);
        AtomicLong zeroCopied = new AtomicLong();
        Aio.run(() -> {
            Server server = Net.startServer((r, w) -> {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                    long pos = 0;
                    while (pos < data.length) {
                        long n = w.transport().sendFile(ch, pos, data.length - pos);
                        assertThat(n).as("a plain socket can send files").isNotNegative();
                        pos += n;
                        zeroCopied.addAndGet(n);
                        w.drain(); // waits while the socket is full
                    }
                }
                w.close();
            }, "127.0.0.1", 0);
            int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
            try (Connection c = Net.openConnection("127.0.0.1", port)) {
                assertThat(c.reader().read(-1)).isEqualTo(data);
            }
            closeAndCheckNoLeaks(server);
        });
        assertThat(zeroCopied).hasValue(data.length);
    }

    @Test
    void aTlsTransportCannotAndSaysSo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("f.txt");
        Files.writeString(file, "hello");
        Aio.run(() -> {
            Server server = tlsServer("good", (r, w) -> {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                    w.write(Long.toString(w.transport().sendFile(ch, 0, 5)).getBytes());
                }
            });
            try (Connection c = Net.openConnection("localhost", port(server), tls(trustingTestCa()))) {
                assertThat(new String(c.reader().read(-1))).isEqualTo("-1");
            }
            closeAndCheckNoLeaks(server);
        });
    }
}
