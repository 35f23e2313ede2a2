package io.aio4j.internal.task;

/** Runs start-up work on a platform thread of its own and waits for it. Thread-safe; stateless. */
final class PlatformThreads {
    private PlatformThreads() {}

    /**
     * Runs {@code work} on a new platform thread and waits until it ends, without giving up on an
     * interrupt (which is kept for the caller): the work must be done before the caller goes on.
     */
    static void runAndWait(String name, Runnable work) {
        Thread t = Thread.ofPlatform().daemon().name(name).start(work);
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
