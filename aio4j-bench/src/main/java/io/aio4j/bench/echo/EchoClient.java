package io.aio4j.bench.echo;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one load client of the TCP echo benchmark, the same for every server: the shape of uvloop's
 * {@code echoclient.py} (each connection sends a message of the given size and waits for the whole
 * echo before it sends the next), with N connections driven by one thread over a selector, so the
 * client stays cheap on its one core. For each message size it opens fresh connections, warms up,
 * then counts the round trips completed in a fixed window, and prints one line:
 * <pre>
 * RESULT system=aio4j size=1024 connections=10 seconds=5.000 requests=512345 rps=102469.0 mibps=100.07 client_cpu=61.2 server_cpu=99.8
 * </pre>
 * {@code mibps} counts one direction (the bytes sent), as {@code echoclient.py} does; the CPU
 * figures are percentages of one core over the window ({@code server_cpu} from
 * {@code /proc/PID/stat}, with {@code --server-pid}). During the warm-up every echoed byte is
 * checked against what was sent.
 *
 * <pre>
 * EchoClient --port P [--host 127.0.0.1] [--sizes 1024,10240,102400] [--connections 10]
 *            [--duration 5] [--warmup 2] [--prewarm 3] [--system name] [--server-pid PID] [--clk-tck 100]
 * </pre>
 * {@code --prewarm} seconds are spread over all the sizes once, unmeasured, before the first
 * window: a JIT-compiled server then meets every size warm, not only the later ones.
 */
public final class EchoClient {
    private EchoClient() {}

    /** One connection: the message it is sending and how much of the echo has come back. */
    private static final class Conn {
        final SocketChannel channel;
        final ByteBuffer out;
        SelectionKey key;
        int received;

        Conn(SocketChannel channel, ByteBuffer message) {
            this.channel = channel;
            this.out = message.duplicate();
        }
    }

    /**
     * Runs the client.
     *
     * @param args see the class comment
     * @throws Exception if a connection fails or an echo is wrong
     */
    public static void main(String[] args) throws Exception {
        Args a = new Args(args);
        InetSocketAddress target = new InetSocketAddress(a.get("--host", "127.0.0.1"), Integer.parseInt(a.get("--port", "0")));
        int connections = Integer.parseInt(a.get("--connections", "10"));
        double duration = Double.parseDouble(a.get("--duration", "5"));
        double warmup = Double.parseDouble(a.get("--warmup", "2"));
        String system = a.get("--system", "?");
        long serverPid = Long.parseLong(a.get("--server-pid", "0"));
        int clkTck = Integer.parseInt(a.get("--clk-tck", "100"));
        double prewarm = Double.parseDouble(a.get("--prewarm", "3"));
        List<Integer> sizes = new ArrayList<>();
        for (String s : a.get("--sizes", "1024,10240,102400").split(",")) {
            sizes.add(Integer.parseInt(s.trim()));
        }
        if (prewarm > 0) {
            for (int size : sizes) {
                run(target, system, size, connections, prewarm / sizes.size(), 0, 0, clkTck, false);
            }
        }
        for (int size : sizes) {
            run(target, system, size, connections, warmup, duration, serverPid, clkTck, true);
        }
    }

    private static byte expected(long offset) {
        return (byte) (offset * 31 + 7);
    }

    private static void run(InetSocketAddress target, String system, int size, int connections, double warmup,
            double duration, long serverPid, int clkTck, boolean report) throws IOException {
        ByteBuffer message = ByteBuffer.allocateDirect(size);
        for (int i = 0; i < size; i++) {
            message.put(i, expected(i));
        }
        ByteBuffer in = ByteBuffer.allocateDirect(Math.max(256 * 1024, size));
        List<Conn> conns = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < connections; i++) {
                SocketChannel ch = SocketChannel.open(target);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ch.configureBlocking(false);
                Conn c = new Conn(ch, message);
                c.key = ch.register(selector, SelectionKey.OP_READ, c);
                conns.add(c);
            }
            for (Conn c : conns) {
                send(c);
            }
            long start = System.nanoTime();
            long measureFrom = start + (long) (warmup * 1e9);
            long end = measureFrom + (long) (duration * 1e9);
            boolean measuring = false;
            boolean verify = true;
            long done = 0;
            long doneAtStart = 0;
            long clientCpuAtStart = 0;
            long serverTicksAtStart = 0;
            long now;
            while ((now = System.nanoTime()) < end) {
                if (!measuring && now >= measureFrom) {
                    measuring = true;
                    verify = false;
                    doneAtStart = done;
                    clientCpuAtStart = cpuNanos();
                    serverTicksAtStart = ticks(serverPid);
                    measureFrom = now;
                }
                if (selector.select(100) == 0) {
                    continue;
                }
                for (SelectionKey k : selector.selectedKeys()) {
                    Conn c = (Conn) k.attachment();
                    if (k.isWritable()) {
                        c.channel.write(c.out);
                        if (!c.out.hasRemaining()) {
                            k.interestOps(SelectionKey.OP_READ);
                        }
                    }
                    if (k.isReadable()) {
                        int n = c.channel.read(in.clear());
                        if (n < 0) {
                            throw new IOException(system + " closed a connection after " + done + " round trips");
                        }
                        if (verify) {
                            for (int i = 0; i < n; i++) {
                                if (in.get(i) != expected(c.received + i)) {
                                    throw new IOException(system + " echoed a wrong byte at offset " + (c.received + i)
                                            + " of a " + size + "-byte message");
                                }
                            }
                        }
                        c.received += n;
                        if (c.received > size) {
                            throw new IOException(system + " echoed " + c.received + " bytes of a " + size + "-byte message");
                        }
                        if (c.received == size) {
                            done++;
                            send(c);
                        }
                    }
                }
                selector.selectedKeys().clear();
            }
            double seconds = (now - measureFrom) / 1e9;
            long requests = done - doneAtStart;
            double clientCpu = 100.0 * (cpuNanos() - clientCpuAtStart) / 1e9 / seconds;
            String serverCpu = serverPid > 0
                    ? String.format(Locale.ROOT, "%.1f", 100.0 * (ticks(serverPid) - serverTicksAtStart) / clkTck / seconds)
                    : "-";
            double rps = requests / seconds;
            if (!report) {
                return;
            }
            System.out.printf(Locale.ROOT,
                    "RESULT system=%s size=%d connections=%d seconds=%.3f requests=%d rps=%.1f mibps=%.2f client_cpu=%.1f server_cpu=%s%n",
                    system, size, connections, seconds, requests, rps, rps * size / (1024.0 * 1024.0), clientCpu, serverCpu);
            System.out.flush();
        } finally {
            for (Conn c : conns) {
                c.channel.close();
            }
        }
    }

    /** Starts the next round trip of {@code c}: the whole message, or what the socket takes now. */
    private static void send(Conn c) throws IOException {
        c.received = 0;
        c.out.clear();
        c.channel.write(c.out);
        if (c.out.hasRemaining()) {
            c.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** utime + stime of a process, in clock ticks, or 0 when unknown. */
    private static long ticks(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of stat(5)
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
