package io.aio4j.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.Aio;
import io.aio4j.Future;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The stream contract on a Unix domain socket in a temporary directory. */
class UnixStreamConformanceTest extends StreamConformanceTest {
    @TempDir
    Path dir;

    @Override
    protected StreamPair openPair() throws Exception {
        Path path = dir.resolve("s.sock");
        Future<Connection> accepted = loop.createFuture();
        Server server = Net.startUnixServer(parkUntilClosed(accepted), path, ServerOptions.defaults());
        Connection client = Net.openUnixConnection(path, ConnectOptions.defaults());
        Connection served = Aio.await(accepted);
        server.close();
        return new StreamPair(client, served, () -> {
            server.waitClosed();
            assertThat(Files.exists(path)).as("the closed server removed its socket file").isFalse();
        });
    }
}
