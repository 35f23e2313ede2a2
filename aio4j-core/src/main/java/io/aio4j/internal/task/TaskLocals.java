package io.aio4j.internal.task;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Where {@code TaskLocal} values live: in each task, an immutable map shared with the tasks it
 * created until one of them sets a value (copy on write: asyncio's contextvars copy the context
 * into a new task); outside tasks, one such map per thread. Thread-safe: a map is never changed
 * after it is published, and each task or thread only ever replaces its own.
 */
public final class TaskLocals {
    private static final ThreadLocal<Map<Object, Object>> OUTSIDE_TASKS = new ThreadLocal<>();

    private TaskLocals() {}

    /**
     * The calling task's (or thread's) values, to hand to a task or thread being started.
     *
     * @return an immutable map, or {@code null} when empty
     */
    public static Map<Object, Object> snapshot() {
        TaskImpl<?> t = Tasks.current();
        return t != null ? t.locals : OUTSIDE_TASKS.get();
    }

    /**
     * The value of {@code key} for the calling code.
     *
     * @param key the variable
     * @param absent what to return when it has no value
     * @return the value
     */
    public static Object get(Object key, Object absent) {
        Map<Object, Object> m = snapshot();
        return m == null ? absent : m.getOrDefault(key, absent);
    }

    /**
     * Sets (or with {@code remove}, removes) the value of {@code key} for the calling code only.
     *
     * @param key the variable
     * @param value the value
     * @param remove whether to remove instead
     */
    public static void put(Object key, Object value, boolean remove) {
        TaskImpl<?> t = Tasks.current();
        Map<Object, Object> now = t != null ? t.locals : OUTSIDE_TASKS.get();
        Map<Object, Object> next = now == null ? new HashMap<>() : new HashMap<>(now);
        if (remove) {
            next.remove(key);
        } else {
            next.put(key, value);
        }
        // unmodifiableMap, not Map.copyOf: a value may be null (TaskLocal.set(null), as ThreadLocal allows)
        Map<Object, Object> frozen = next.isEmpty() ? null : java.util.Collections.unmodifiableMap(next);
        if (t != null) {
            t.locals = frozen;
        } else if (frozen == null) {
            OUTSIDE_TASKS.remove();
        } else {
            OUTSIDE_TASKS.set(frozen);
        }
    }

    /**
     * Runs {@code work} on the calling (pool) thread with the values of {@code snapshot}, then
     * restores the thread's own.
     *
     * @param snapshot values from {@link #snapshot()}
     * @param work what to run
     * @param <T> the result type
     * @return the result
     * @throws Exception whatever {@code work} throws
     */
    public static <T> T callWith(Map<Object, Object> snapshot, Callable<T> work) throws Exception {
        Map<Object, Object> saved = OUTSIDE_TASKS.get();
        OUTSIDE_TASKS.set(snapshot);
        try {
            return work.call();
        } finally {
            if (saved == null) {
                OUTSIDE_TASKS.remove();
            } else {
                OUTSIDE_TASKS.set(saved);
            }
        }
    }
}
