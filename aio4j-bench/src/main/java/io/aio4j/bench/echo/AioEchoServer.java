package io.aio4j.bench.echo;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.net.BaseProtocol;
import io.aio4j.net.BufferedProtocol;
import io.aio4j.net.MultiLoopServer;
import io.aio4j.net.Net;
import io.aio4j.net.Protocol;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.StreamReader;
import io.aio4j.net.StreamWriter;
import io.aio4j.net.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.function.Supplier;

/**
 * The aio4j server of the TCP echo benchmark ({@code bench/run-echo.sh}): each connection's handler
 * reads up to 64 KiB, writes it back and drains, until EOF, the same loop as the asyncio and
 * uvloop servers in {@code bench/echo/echo_server.py}. Prints {@code READY port=N} once it listens
 * and runs until killed.
 *
 * <pre>
 * AioEchoServer [--host 127.0.0.1] [--port 0] [--mode streams|protocol|buffered] [--loops 1]
 * </pre>
 * {@code --mode protocol} echoes from {@link Protocol#dataReceived} instead (no task, no stream
 * buffers), to tell the stream layer's cost from the transport's; {@code --mode buffered} from a
 * {@link BufferedProtocol} that lends a 256 KiB buffer, so one readiness event reads up to 256 KiB
 * rather than the transport's 64 KiB. {@code --loops N} runs a
 * {@link MultiLoopServer} on N loops; the benchmark pins the server to one core and uses one.
 */
public final class AioEchoServer {
    /** How much one read takes at most, as in the Python servers. */
    static final int READ_SIZE = 64 * 1024;

    private AioEchoServer() {}

    /** Echoes through the streams API: asyncio's {@code reader.read(n); writer.write(data); await writer.drain()}. */
    static void echo(StreamReader reader, StreamWriter writer) throws IOException {
        while (true) {
            byte[] data = reader.read(READ_SIZE);
            if (data.length == 0) {
                return;
            }
            writer.write(data);
            writer.drain();
        }
    }

    /** Echoes from the protocol callback: asyncio's {@code transport.write(data)} in {@code data_received}. */
    static final class EchoProtocol implements Protocol {
        private Transport transport;

        @Override
        public void connectionMade(Transport t) {
            this.transport = t;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            transport.write(data);
        }
    }

    /** Echoes from a lent 256 KiB buffer: asyncio's {@code BufferedProtocol}. */
    static final class BufferedEcho implements BufferedProtocol {
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);
        private Transport transport;

        @Override
        public void connectionMade(Transport t) {
            this.transport = t;
        }

        @Override
        public ByteBuffer getBuffer(int sizeHint) {
            return buffer.clear();
        }

        @Override
        public void bufferUpdated(int nbytes) {
            transport.write(buffer.flip());
        }
    }

    /**
     * Starts the server.
     *
     * @param args {@code --host}, {@code --port}, {@code --mode}, {@code --loops}
     * @throws Exception if it cannot listen
     */
    public static void main(String[] args) throws Exception {
        Args a = new Args(args);
        String host = a.get("--host", "127.0.0.1");
        int port = Integer.parseInt(a.get("--port", "0"));
        String mode = a.get("--mode", "streams");
        int loops = Integer.parseInt(a.get("--loops", "1"));
        Supplier<BaseProtocol> protocol = switch (mode) {
            case "streams" -> null;
            case "protocol" -> EchoProtocol::new;
            case "buffered" -> BufferedEcho::new;
            default -> throw new IllegalArgumentException("--mode streams|protocol|buffered, not " + mode);
        };
        requireFastMode();
        boolean streams = protocol == null;
        if (loops > 1) {
            MultiLoopServer server = streams
                    ? MultiLoopServer.start(loops, AioEchoServer::echo, host, port, ServerOptions.defaults())
                    : MultiLoopServer.create(loops, protocol, host, port, ServerOptions.defaults());
            ready(server.port(), mode + ", " + loops + " loops");
            server.awaitClosed();
            return;
        }
        Aio.run(() -> {
            Server server = streams ? Net.startServer(AioEchoServer::echo, host, port)
                    : Net.createServer(protocol, host, port, ServerOptions.defaults());
            ready(((InetSocketAddress) server.sockets().get(0)).getPort(), mode + ", 1 loop");
            server.serveForever();
        });
    }

    private static void ready(int port, String what) {
        System.out.println("READY port=" + port + " (aio4j " + what + ", " + EventLoop.schedulingMode() + ")");
        System.out.flush();
    }

    private static void requireFastMode() {
        EventLoop.SchedulingMode mode = EventLoop.schedulingMode();
        if (mode != EventLoop.SchedulingMode.LOOP_SCHEDULER && !Boolean.getBoolean("aio4j.bench.allowBaton")) {
            throw new IllegalStateException("aio4j runs in " + mode + " mode; run with"
                    + " --add-opens java.base/java.lang=ALL-UNNAMED (or -Daio4j.bench.allowBaton=true to measure BATON)");
        }
    }
}
