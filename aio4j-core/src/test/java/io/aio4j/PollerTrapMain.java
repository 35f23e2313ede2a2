package io.aio4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM of {@code JdkTrapsTest}'s poller trap: a fresh JVM whose very first blocking socket
 * read on a virtual thread happens inside a task. The JDK starts its socket pollers (virtual
 * threads, on Linux) lazily at that first read, and a virtual thread born inside a task inherits
 * the task's scheduler, so without {@code JdkPollers} the pollers would be the loop's, and once the
 * loop closed every later blocking read in the JVM would hang. After the loop has closed, this
 * program does one more blocking read on a plain virtual thread, which must complete. With the
 * argument {@code stopped} the loop is only stopped, not closed, before that read: then nothing
 * runs the loop's queue, not even the orphan carrier that rescues continuations of a closed loop,
 * so pollers born on the loop would hang that read for as long as the loop stays open.
 *
 * <p>Prints {@code mode=...}, one line per read, and {@code OK}; exits 0 on success, 1 on failure,
 * 2 if a wait timed out. Every socket is on 127.0.0.1 and every wait is bounded.
 */
public final class PollerTrapMain {
    private static final int TIMEOUT_MILLIS = 10_000;

    private PollerTrapMain() {}

    /**
     * Runs the scenario.
     *
     * @param args {@code closed} (the default): the loop is closed before the later read;
     *     {@code stopped}: the loop has stopped but stays open until after it, so nothing drains
     *     its queue meanwhile
     * @throws Exception if a socket fails
     */
    public static void main(String[] args) throws Exception {
        boolean closeFirst = args.length == 0 || args[0].equals("closed");
        System.out.println("mode=" + EventLoop.schedulingMode());
        try (ServerSocket server = new ServerSocket(0, 2, InetAddress.getLoopbackAddress())) {
            EventLoop loop = EventLoop.create(LoopOptions.defaults().withName("first-reader"));
            try {
                // The JVM's first blocking socket read on a virtual thread: inside a task.
                int first = loop.runUntilComplete(loop.createTask(() -> readOneByteLate(server)));
                System.out.println("read in a task: " + (char) first);
                if (closeFirst) {
                    loop.close();
                }
                System.out.println("loop " + (loop.isClosed() ? "closed" : "stopped, still open"));
                // A later read on a plain virtual thread must not depend on that loop.
                int[] second = {-1};
                Thread plain = Thread.ofVirtual().name("plain-reader").start(() -> {
                    try {
                        second[0] = readOneByteLate(server);
                    } catch (Exception e) {
                        e.printStackTrace(System.out);
                    }
                });
                if (!plain.join(java.time.Duration.ofMillis(2L * TIMEOUT_MILLIS))) {
                    System.out.println("TIMEOUT: a read on a plain virtual thread hangs after the loop " + (closeFirst ? "closed" : "stopped"));
                    System.exit(2);
                }
                System.out.println("read on a plain virtual thread: " + (char) second[0]);
                if (first != 'x' || second[0] != 'x') {
                    System.exit(1);
                }
            } finally {
                loop.close();
            }
        }
        System.out.println("OK");
        System.exit(0);
    }

    /**
     * Connects to {@code server} from the calling thread and reads one byte, which a platform
     * thread writes only once the caller is parked in the read, so the read really waits for the
     * JDK's poller.
     */
    private static int readOneByteLate(ServerSocket server) throws Exception {
        Thread reader = Thread.currentThread();
        CountDownLatch aboutToRead = new CountDownLatch(1);
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                Socket accepted = server.accept()) {
            client.setSoTimeout(TIMEOUT_MILLIS);
            Thread writer = Thread.ofPlatform().name("late-writer").start(() -> writeWhenParked(reader, aboutToRead, accepted));
            try {
                InputStream in = client.getInputStream();
                aboutToRead.countDown();
                return in.read();
            } finally {
                writer.join(TIMEOUT_MILLIS);
            }
        }
    }

    private static void writeWhenParked(Thread reader, CountDownLatch aboutToRead, Socket accepted) {
        try {
            if (!aboutToRead.await(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                return;
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
            while (reader.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            OutputStream out = accepted.getOutputStream();
            out.write('x');
            out.flush();
        } catch (IOException | InterruptedException e) {
            e.printStackTrace(System.out);
        }
    }
}
