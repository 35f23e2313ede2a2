package io.aio4j.internal.task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every task not yet done, in every loop of the JVM, by its thread: the strong references that
 * keep fire-and-forget tasks alive, and how code finds the task it runs in. Thread-safe.
 */
final class Tasks {
    private static final ConcurrentHashMap<Thread, TaskImpl<?>> BY_THREAD = new ConcurrentHashMap<>();

    private Tasks() {}

    static void register(Thread thread, TaskImpl<?> task) {
        BY_THREAD.put(thread, task);
    }

    static void unregister(Thread thread) {
        BY_THREAD.remove(thread);
    }

    /** The task whose thread is {@code t}, or {@code null}. */
    static TaskImpl<?> of(Thread t) {
        return t.isVirtual() ? BY_THREAD.get(t) : null;
    }

    /** The task the calling thread runs, or {@code null}. */
    static TaskImpl<?> current() {
        return of(Thread.currentThread());
    }

    /** The tasks of one loop not yet done. */
    static List<TaskImpl<?>> of(TaskLoop loop) {
        List<TaskImpl<?>> out = new ArrayList<>();
        for (TaskImpl<?> t : BY_THREAD.values()) {
            if (t.loop == loop) {
                out.add(t);
            }
        }
        return out;
    }
}
