package io.aio4j.internal.task;

import java.util.Arrays;

/**
 * Finds the task the calling code runs in. Each running loop keeps its own tasks, confined to the
 * loop (no shared map written twice per task); this class only knows which loops are running, and
 * asks each whether the calling thread runs on it: in the fast mode, whether its platform thread is
 * the caller's carrier; in the portable mode, whether the caller holds its baton. Thread-safe: the
 * array of running loops is copied on write, and there are rarely more of them than cores.
 */
final class Tasks {
    private static volatile TaskLoop[] running = new TaskLoop[0];

    private Tasks() {}

    static synchronized void started(TaskLoop loop) {
        TaskLoop[] now = running;
        TaskLoop[] next = Arrays.copyOf(now, now.length + 1);
        next[now.length] = loop;
        running = next;
    }

    static synchronized void stopped(TaskLoop loop) {
        running = Arrays.stream(running).filter(l -> l != loop).toArray(TaskLoop[]::new);
    }

    /** The running loop whose code the calling thread is running, or {@code null}. */
    static TaskLoop currentLoop() {
        Thread t = Thread.currentThread();
        if (!t.isVirtual()) {
            return null; // tasks are virtual threads; a loop's own platform thread is no task
        }
        TaskLoop[] loops = running;
        if (loops.length == 0) {
            return null;
        }
        Thread carrier = SchedulerAccess.available() ? SchedulerAccess.currentCarrier() : null;
        for (TaskLoop l : loops) {
            if (l.scheduling.runsOnLoop(t, carrier)) {
                return l;
            }
        }
        return null;
    }

    /** The task the calling thread runs, or {@code null}. */
    static TaskImpl<?> current() {
        TaskLoop l = currentLoop();
        return l == null ? null : l.taskOf(Thread.currentThread());
    }
}
