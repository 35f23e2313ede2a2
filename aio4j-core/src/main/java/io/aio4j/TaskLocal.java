package io.aio4j;

import io.aio4j.internal.task.TaskLocals;
import java.util.function.Supplier;

/**
 * A variable with one value per task: asyncio's {@code contextvars.ContextVar}. A task starts
 * with a copy of the values of the code that created it; what it sets afterwards is seen by itself
 * and by the tasks it creates later, never by its creator or its siblings.
 * {@snippet :
 * static final TaskLocal<String> REQUEST_ID = TaskLocal.named("request-id");
 *
 * REQUEST_ID.set("r-1");
 * Task<String> child = Aio.createTask(() -> REQUEST_ID.get()); // "r-1": copied at creation
 * REQUEST_ID.set("r-2");                                      // the child still sees "r-1"
 * }
 * {@link Aio#toThread} hands the calling task's values to the pool thread for the call.
 *
 * <h2>Compared with ThreadLocal and ScopedValue</h2>
 * A {@link ThreadLocal} used inside a task is per task too (each task is a virtual thread), but a
 * new task starts without its creator's values, and every task that touches one pays for a
 * thread-local map. An {@link InheritableThreadLocal} copies values into tasks, but not into
 * {@code toThread} pool threads. A {@link ScopedValue} is immutable and bound for a block; it
 * reaches only the threads of a {@code StructuredTaskScope}, not tasks. {@code TaskLocal} is the
 * one that follows asyncio's rules. Outside any task (a loop callback, a plain thread) it holds one
 * value per thread, which tasks created there copy.
 *
 * @param <T> the value type
 */
public final class TaskLocal<T> {
    private static final Object ABSENT = new Object();

    private final String name;
    private final Supplier<? extends T> initial;

    private TaskLocal(String name, Supplier<? extends T> initial) {
        this.name = name;
        this.initial = initial;
    }

    /**
     * Creates a variable whose value is {@code null} until set.
     *
     * @param name a name, for {@code toString()}
     * @param <T> the value type
     * @return the variable
     */
    public static <T> TaskLocal<T> named(String name) {
        return new TaskLocal<>(name, () -> null);
    }

    /**
     * Creates a variable with a default: asyncio's {@code ContextVar(name, default=...)}.
     *
     * @param name a name, for {@code toString()}
     * @param initial the value while none is set (called on each such read)
     * @param <T> the value type
     * @return the variable
     */
    public static <T> TaskLocal<T> withInitial(String name, Supplier<? extends T> initial) {
        return new TaskLocal<>(name, initial);
    }

    /**
     * Returns the value for the calling task (or thread).
     *
     * @return the value, or the default if none is set
     */
    @SuppressWarnings("unchecked")
    public T get() {
        Object v = TaskLocals.get(this, ABSENT);
        return v == ABSENT ? initial.get() : (T) v;
    }

    /**
     * Sets the value for the calling task (or thread) and the tasks it creates from now on.
     *
     * @param value the value
     */
    public void set(T value) {
        TaskLocals.put(this, value, false);
    }

    /** Removes the value for the calling task (or thread): reads give the default again. */
    public void remove() {
        TaskLocals.put(this, null, true);
    }

    @Override
    public String toString() {
        return "<TaskLocal name='" + name + "'>";
    }
}
