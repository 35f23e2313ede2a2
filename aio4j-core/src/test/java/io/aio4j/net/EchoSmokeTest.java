package io.aio4j.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.Aio;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class EchoSmokeTest {
    @Test
    void echoesALine() {
        String got = Aio.run(() -> {
            try (Server server = Net.startServer((r, w) -> {
                w.write(r.readLine());
                w.drain();
            }, "127.0.0.1", 0)) {
                int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
                try (Connection c = Net.openConnection("127.0.0.1", port)) {
                    c.writer().write("hello\n".getBytes(StandardCharsets.UTF_8));
                    c.writer().drain();
                    String line = new String(c.reader().readLine(), StandardCharsets.UTF_8);
                    assertThat(c.reader().read(-1)).isEmpty();
                    return line;
                }
            }
        });
        assertThat(got).isEqualTo("hello\n");
    }
}
