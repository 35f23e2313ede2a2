package io.aio4j.internal.task;

/**
 * Makes sure the JDK's socket pollers are born on a platform thread. They are virtual threads
 * created when {@code sun.nio.ch.Poller} is initialised, which the first blocking socket call in
 * the JVM does; if that call happens inside a task, they inherit the task's scheduler (our loop),
 * and once that loop closes every later blocking socket read in the JVM hangs.
 *
 * <p>So the first loop initialises the class on a platform thread of its own. It does not wait for
 * it (starting the pollers takes tens of milliseconds): a task that reaches a blocking socket call
 * meanwhile waits for the class initialisation the VM is running on that thread, and then finds
 * the pollers on the JDK's default scheduler. Thread-safe; idempotent.
 */
final class JdkPollers {
    private static volatile Thread initialiser;

    private JdkPollers() {}

    static void ensureStarted() {
        if (initialiser != null) {
            return;
        }
        synchronized (JdkPollers.class) {
            if (initialiser == null) {
                initialiser = Thread.ofPlatform().daemon().name("aio4j-poller-init").start(JdkPollers::initialise);
            }
        }
    }

    /** Waits until the pollers exist (for tests). */
    static void awaitStarted() throws InterruptedException {
        ensureStarted();
        initialiser.join();
    }

    private static void initialise() {
        try {
            Class.forName("sun.nio.ch.Poller", true, null);
        } catch (ClassNotFoundException | LinkageError e) {
            // another JDK's layout: nothing to initialise
        }
    }
}
