package io.aio4j.internal.net;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.internal.loop.SelectorLoop;
import io.aio4j.net.DatagramOptions;
import io.aio4j.net.DatagramProtocol;
import io.aio4j.net.DatagramTransport;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** What {@link io.aio4j.net.Net#createDatagramEndpoint} does: resolve, open, bind, connect. Called in a task. */
public final class DatagramOps {
    private DatagramOps() {}

    public static DatagramTransport createDatagramEndpoint(Supplier<? extends DatagramProtocol> factory,
            InetSocketAddress local, InetSocketAddress remote, DatagramOptions options) throws IOException {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(options, "options");
        if (local == null && remote == null) {
            throw new IllegalArgumentException("a datagram endpoint needs a local or a remote address (or both)");
        }
        if (Aio.currentTask() == null) {
            throw new IllegalStateException("Net.createDatagramEndpoint() suspends the calling task, but "
                    + Thread.currentThread() + " is not a task of a running event loop; call it inside Aio.run(...) or "
                    + "createTask(...)");
        }
        EventLoop running = Aio.getRunningLoop();
        if (!(running instanceof SelectorLoop loop)) {
            throw new IllegalStateException("the running loop " + running + " has no selector");
        }
        InetSocketAddress r = resolved(loop, remote, local);
        InetSocketAddress l = resolved(loop, local, r);
        return DatagramSocketTransport.open(loop, factory.get(), l, r, options);
    }

    /** Resolves {@code a} if it holds a name, preferring the family of {@code other}. */
    private static InetSocketAddress resolved(SelectorLoop loop, InetSocketAddress a, InetSocketAddress other)
            throws IOException {
        if (a == null || !a.isUnresolved()) {
            return a;
        }
        List<InetAddress> found = Connector.resolve(loop, a.getHostString(), null);
        InetAddress pick = found.get(0);
        if (other != null && !other.isUnresolved() && !other.getAddress().isAnyLocalAddress()) {
            boolean six = other.getAddress() instanceof Inet6Address;
            for (InetAddress f : found) {
                if ((f instanceof Inet6Address) == six) {
                    pick = f;
                    break;
                }
            }
        }
        return new InetSocketAddress(pick, a.getPort());
    }
}
