package io.aio4j.examples;

import static java.nio.charset.StandardCharsets.US_ASCII;

import io.aio4j.Aio;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.IncompleteReadException;
import io.aio4j.net.Net;
import io.aio4j.net.Resolver;
import io.aio4j.net.Resolvers;
import io.aio4j.net.Server;
import io.aio4j.process.ProcessOutput;
import io.aio4j.process.Subprocess;
import io.aio4j.process.SubprocessOptions;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The README's networking tour, runnable: a line echo server and two clients on 127.0.0.1 (one
 * through a mapping resolver, ending in an incomplete read), and two subprocesses. The README's
 * networking snippets are extracts of this file, line for line ({@code ReadmeSnippetsTest} checks
 * it); the results they show in comments are what {@link #run()} records.
 */
public final class NetworkingTour {
    private NetworkingTour() {
    }

    /**
     * Runs the tour.
     *
     * @return what it found, one line per step
     */
    public static List<String> run() {
        List<String> found = new ArrayList<>();
        Aio.run(() -> {
            // A server: each client runs the handler in a task of its own.
            Server server = Net.startServer((reader, writer) -> {
                byte[] line;
                while ((line = reader.readLine()).length > 0) { // empty at the end of the stream
                    writer.write(line);
                    writer.drain(); // waits while the client reads slowly
                }
            }, "127.0.0.1", 0); // port 0: the OS picks one
            int port = ((InetSocketAddress) server.sockets().get(0)).getPort();

            // A client: a Connection is the (reader, writer) pair of asyncio's open_connection.
            try (Connection c = Net.openConnection("127.0.0.1", port)) {
                c.writer().write("hello\n".getBytes(US_ASCII));
                c.writer().drain();
                byte[] echoed = c.reader().readLine(); // "hello\n"
                found.add("echoed: " + new String(echoed, US_ASCII).strip());
            }

            // Tests point names at a local server, as /etc/hosts would.
            Resolver resolver = Resolvers.mappingLiterals(Map.of("echo.test", "127.0.0.1"), Resolvers.system());
            try (Connection c = Net.openConnection("echo.test", port, ConnectOptions.defaults().withResolver(resolver))) {
                c.writer().write("no newline".getBytes(US_ASCII));
                c.writer().writeEof(); // half-close: the server reads EOF after these bytes
                c.reader().readExactly(100); // the server echoes 10 bytes, then closes
            } catch (IncompleteReadException e) {
                byte[] partial = e.partial(); // "no newline": what did arrive is not lost
                found.add("incomplete: " + new String(partial, US_ASCII) + " of " + e.expected().orElseThrow());
            }

            server.close(); // stops listening; connections already accepted go on
            server.waitClosed(); // until every connection has ended

            // exec: no shell, the arguments reach the program as they are.
            try (Subprocess p = Subprocess.exec(List.of("echo", "from a subprocess"), SubprocessOptions.pipes())) {
                ProcessOutput out = p.communicate(); // closes stdin, reads stdout and stderr, waits for the exit
                String text = out.stdoutText(); // "from a subprocess\n"
                int status = out.returnCode(); // 0
                found.add(text.strip() + " (exit " + status + ")");
            }
            try (Subprocess sleeper = Subprocess.exec("sleep", "60")) { // streams inherited
                sleeper.kill(); // SIGKILL; terminate() sends SIGTERM
                int status = sleeper.waitFor(); // 137: the JDK reports 128 + the signal
                found.add("killed (exit " + status + ")");
            }
        });
        return found;
    }

    /**
     * Prints the tour.
     *
     * @param args none
     */
    public static void main(String[] args) {
        run().forEach(System.out::println);
    }
}
