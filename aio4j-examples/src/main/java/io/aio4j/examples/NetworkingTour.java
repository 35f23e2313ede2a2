package io.aio4j.examples;

import static java.nio.charset.StandardCharsets.US_ASCII;

import io.aio4j.Aio;
import io.aio4j.net.Connection;
import io.aio4j.net.Net;
import io.aio4j.net.Server;
import io.aio4j.process.ProcessOutput;
import io.aio4j.process.Subprocess;
import io.aio4j.process.SubprocessOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** The README's networking tour, runnable: a line echo server and client on 127.0.0.1, and a subprocess. */
public final class NetworkingTour {
    private NetworkingTour() {
    }

    /**
     * Runs the tour.
     *
     * @return what it printed
     */
    public static List<String> run() {
        List<String> out = new ArrayList<>();
        Aio.run(() -> {
            // A server: each connection runs the handler in a task of its own.
            Server server = Net.startServer((reader, writer) -> {
                byte[] line;
                while ((line = reader.readLine()).length > 0) { // empty at the end of the stream
                    writer.write(line);
                    writer.drain(); // waits while the peer reads slowly
                }
            }, "127.0.0.1", 0);
            int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
            try (Connection c = Net.openConnection("127.0.0.1", port)) {
                c.writer().write("hello\n".getBytes(US_ASCII));
                out.add("echoed: " + new String(c.reader().readLine(), US_ASCII).strip());
            }
            server.close();
            server.waitClosed();

            // Subprocesses: pipes are pumped off the loop.
            ProcessOutput p = Subprocess.exec(List.of("echo", "from a subprocess"), SubprocessOptions.pipes()).communicate();
            out.add(p.stdoutText().strip() + " (exit " + p.returnCode() + ")");
        });
        return out;
    }

    /**
     * Prints the tour.
     *
     * @param args none
     * @throws IOException never
     */
    public static void main(String[] args) throws IOException {
        run().forEach(System.out::println);
    }
}
