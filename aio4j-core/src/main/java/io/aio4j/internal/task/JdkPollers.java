package io.aio4j.internal.task;

/**
 * Makes sure the JDK's socket pollers are born on a platform thread. They are virtual threads
 * created lazily by the first blocking socket call in the JVM; if that call happens inside a task,
 * they inherit the task's scheduler (our loop), and once that loop closes every later blocking
 * socket read in the JVM hangs. Initialising {@code sun.nio.ch.Poller} from a platform thread
 * first puts them on the JDK's default scheduler. Thread-safe; idempotent.
 */
final class JdkPollers {
    private static volatile boolean done;

    private JdkPollers() {}

    static void ensureStarted() {
        if (done) {
            return;
        }
        synchronized (JdkPollers.class) {
            if (done) {
                return;
            }
            Runnable init = () -> {
                try {
                    Class.forName("sun.nio.ch.Poller", true, null);
                } catch (ClassNotFoundException | LinkageError e) {
                    // another JDK's layout: nothing to initialise
                }
            };
            if (Thread.currentThread().isVirtual()) {
                Thread t = Thread.ofPlatform().name("aio4j-poller-init").start(init);
                boolean interrupted = false;
                while (true) {
                    try {
                        t.join();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            } else {
                init.run();
            }
            done = true;
        }
    }
}
