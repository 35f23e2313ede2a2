package io.aio4j.internal.task;

import java.util.List;

/**
 * Words for a blocked-loop report when a class initialiser is involved. A task that waits inside
 * {@code static {}} parks pinned (the VM runs initialisers in a native frame), which holds the loop
 * thread; and a task that touches a class another task is initialising waits for it inside the
 * VM, also holding the loop. Either way the loop deadlocks, and the report names the class.
 * Stateless; called from the watchdog thread.
 */
final class ClassInitHints {
    /** Look at no more than this many other tasks' stacks: a report must stay cheap. */
    private static final int MAX_TASKS_SCANNED = 1_000;

    private ClassInitHints() {}

    static String hint(StackTraceElement[] culpritStack, TaskImpl<?> culprit, List<TaskImpl<?>> tasks) {
        String own = initialiserIn(culpritStack);
        if (own != null) {
            return "; it is inside the static initialiser of " + own + ": waiting inside a class initialiser"
                    + " pins the loop's thread and deadlocks the loop, so move the waiting out of static {}";
        }
        int scanned = 0;
        for (TaskImpl<?> t : tasks) {
            if (t == culprit || t.thread == null || t.done()) {
                continue;
            }
            if (++scanned > MAX_TASKS_SCANNED) {
                break;
            }
            String other = initialiserIn(t.thread.getStackTrace());
            if (other != null) {
                return "; task '" + t.name() + "' is suspended inside the static initialiser of " + other
                        + ", which the blocked code may be waiting for: a class initialiser that waits deadlocks the loop";
            }
        }
        return "";
    }

    private static String initialiserIn(StackTraceElement[] stack) {
        for (StackTraceElement e : stack) {
            if (e.getMethodName().equals("<clinit>")) {
                return e.getClassName();
            }
        }
        return null;
    }
}
