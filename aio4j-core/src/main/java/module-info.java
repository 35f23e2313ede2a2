/**
 * aio4j's core: the event loop, futures and tasks, the toolbox on top of them (combinators, task
 * groups, synchronisation primitives, queues), networking and child processes. Only the
 * {@code io.aio4j} packages without {@code internal} are public; the loop's engine and the task
 * machinery are exported to aio4j's own modules alone.
 */
module io.aio4j {
    requires java.management; // the MBean that `aio4j ps` reads
    requires jdk.jfr; // task, blocked-loop and pinned-carrier events

    exports io.aio4j;
    exports io.aio4j.sync;
    exports io.aio4j.queue;
    exports io.aio4j.net;
    exports io.aio4j.process;
    exports io.aio4j.internal.loop to io.aio4j.testing, io.aio4j.http;
    exports io.aio4j.internal.task to io.aio4j.testing;

    uses io.aio4j.internal.loop.MonitorLauncher; // aio4j-http's monitor page
}
