package io.aio4j.internal.net;

import io.aio4j.Aio;
import io.aio4j.ReturnWhen;
import io.aio4j.Task;
import io.aio4j.WaitResult;
import io.aio4j.internal.loop.SelectorLoop;
import io.aio4j.net.ConnectOptions;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * Connecting to the first address that answers: RFC 8305 (Happy Eyeballs v2), as asyncio's
 * {@code staggered_race}. Addresses are interleaved by family (the first address's family first);
 * an attempt runs alone for the delay, then the next starts, and a failed attempt starts the next
 * at once. The first connected socket wins; the others are cancelled and closed.
 */
final class HappyEyeballs {
    private HappyEyeballs() {}

    static Connector.Connected connect(SelectorLoop loop, List<SocketAddress> targets, ConnectOptions options)
            throws IOException {
        InetSocketAddress local = options.localAddress();
        Duration delay = options.happyEyeballsDelay();
        if (targets.size() == 1 || delay == null) {
            List<IOException> errors = new ArrayList<>();
            for (SocketAddress t : targets) {
                try {
                    return Connector.connectOne(loop, t, local);
                } catch (IOException e) {
                    errors.add(e);
                }
            }
            throw combined(errors, targets);
        }
        return race(loop, interleave(targets), local, delay);
    }

    /** Orders addresses by alternating family, starting with the first one's (RFC 8305 §4). */
    static List<SocketAddress> interleave(List<SocketAddress> targets) {
        Deque<SocketAddress> first = new ArrayDeque<>();
        Deque<SocketAddress> other = new ArrayDeque<>();
        boolean firstIs6 = isV6(targets.get(0));
        for (SocketAddress t : targets) {
            (isV6(t) == firstIs6 ? first : other).addLast(t);
        }
        List<SocketAddress> out = new ArrayList<>(targets.size());
        while (!first.isEmpty() || !other.isEmpty()) {
            if (!first.isEmpty()) {
                out.add(first.pollFirst());
            }
            if (!other.isEmpty()) {
                out.add(other.pollFirst());
            }
        }
        return out;
    }

    private static boolean isV6(SocketAddress a) {
        return a instanceof InetSocketAddress i && i.getAddress() instanceof Inet6Address;
    }

    private static Connector.Connected race(SelectorLoop loop, List<SocketAddress> targets, InetSocketAddress local,
            Duration delay) throws IOException {
        List<Task<Connector.Connected>> running = new ArrayList<>();
        List<Task<Connector.Connected>> all = new ArrayList<>();
        List<IOException> errors = new ArrayList<>();
        Connector.Connected winner = null;
        int next = 0;
        try {
            while (winner == null) {
                if (next < targets.size()) {
                    SocketAddress target = targets.get(next++);
                    Task<Connector.Connected> attempt = loop.createTask(() -> Connector.connectOne(loop, target, local),
                            "connect to " + target);
                    running.add(attempt);
                    all.add(attempt);
                }
                if (running.isEmpty()) {
                    break; // every address failed
                }
                boolean more = next < targets.size();
                WaitResult<Connector.Connected> r = more ? Aio.wait(running, ReturnWhen.FIRST_COMPLETED, delay)
                        : Aio.wait(running, ReturnWhen.FIRST_COMPLETED);
                for (var f : r.done()) {
                    running.remove(f);
                    if (f.exception() == null) {
                        if (winner == null) {
                            winner = f.result();
                        }
                    } else {
                        errors.add(asIo(f.exception()));
                    }
                }
            }
        } finally {
            for (Task<Connector.Connected> t : all) {
                if (!t.done()) {
                    t.cancel("another address connected first");
                } else if (!t.cancelled() && t.exception() == null && t.result() != winner) {
                    close(t.result());
                }
            }
        }
        if (winner == null) {
            throw combined(errors, targets);
        }
        return winner;
    }

    private static void close(Connector.Connected c) {
        if (c.key() != null) {
            c.key().cancel();
        }
        try {
            c.channel().close();
        } catch (IOException e) {
            // it lost the race; nothing depends on it
        }
    }

    private static IOException asIo(Throwable t) {
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof CompletionException c && c.getCause() instanceof IOException io) {
            return io;
        }
        return new IOException(t.getMessage(), t);
    }

    /** One error as it was; several, as the first with the rest suppressed (asyncio joins their texts). */
    private static IOException combined(List<IOException> errors, List<SocketAddress> targets) {
        if (errors.isEmpty()) {
            return new IOException("no address to connect to");
        }
        IOException first = errors.get(0);
        if (errors.size() == 1) {
            return first;
        }
        for (IOException e : errors.subList(1, errors.size())) {
            first.addSuppressed(e);
        }
        return first;
    }
}
