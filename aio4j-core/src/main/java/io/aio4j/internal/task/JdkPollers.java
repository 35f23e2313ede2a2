package io.aio4j.internal.task;

/**
 * Makes sure the JDK's socket pollers are born on a platform thread. They are virtual threads
 * created when {@code sun.nio.ch.Poller} is initialised, which the first blocking socket call in
 * the JVM does; if that call happens inside a task of the fast scheduling mode, they inherit the
 * task's scheduler (our loop), and once that loop stops every later blocking socket read in the
 * JVM hangs. So the first loop initialises the class on a platform thread of its own, and waits for
 * it (tens of milliseconds, once): a background start would leave a window in which a task could
 * still win the race. Thread-safe; idempotent.
 */
final class JdkPollers {
    private static volatile boolean started;

    private JdkPollers() {}

    static void ensureStarted() {
        if (started) {
            return;
        }
        synchronized (JdkPollers.class) {
            if (started) {
                return;
            }
            PlatformThreads.runAndWait("aio4j-poller-init", JdkPollers::initialise);
            started = true;
        }
    }

    private static void initialise() {
        try {
            Class.forName("sun.nio.ch.Poller", true, null);
        } catch (ClassNotFoundException | LinkageError e) {
            // another JDK's layout: nothing to initialise
        }
    }
}
