package io.aio4j;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one event loop is doing at one moment: its tasks as a tree (who created whom, which group
 * owns which), what each waits for and for how long, each task's stack, the loop's counters and the
 * watchdog's recent reports. Taken by {@link EventLoop#snapshot()} on the loop's own thread, so it
 * is consistent; cheap enough to take every second in production.
 * {@snippet :
 * for (EventLoop loop : EventLoop.liveLoops()) {
 *     System.out.println(loop.snapshot().toTree()); // like Python 3.14's `asyncio pstree`
 * }
 * }
 *
 * @param loop the loop's name
 * @param loopId the loop's number, unique in the JVM
 * @param thread the name of the loop's thread, or {@code null} when it is not running
 * @param takenAt when the snapshot was taken (wall clock)
 * @param complete {@code false} when the loop did not answer in time (a callback blocks it) and
 *     the snapshot was read from outside: then states and waits may be a moment apart
 * @param statistics the loop's counters
 * @param tasks the tasks not yet done, in creation order
 * @param watchdogReports the watchdog's recent reports of slow callbacks and blocked loops, oldest
 *     first (at most 20)
 */
public record LoopSnapshot(String loop, long loopId, String thread, Instant takenAt, boolean complete,
        LoopStatistics statistics, List<TaskInfo> tasks, List<String> watchdogReports) {

    /**
     * Copies the lists.
     *
     * @param loop the loop's name
     * @param loopId its number
     * @param thread its thread's name, or {@code null}
     * @param takenAt when
     * @param complete whether the loop itself took it
     * @param statistics its counters
     * @param tasks its tasks
     * @param watchdogReports the watchdog's recent reports
     */
    public LoopSnapshot {
        Objects.requireNonNull(loop, "loop");
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(statistics, "statistics");
        tasks = List.copyOf(tasks);
        watchdogReports = List.copyOf(watchdogReports);
    }

    /**
     * Returns the tasks whose creator is not among this loop's live tasks: the roots of the tree.
     *
     * @return the roots, in creation order
     */
    public List<TaskInfo> roots() {
        Set<Long> ids = new HashSet<>();
        for (TaskInfo t : tasks) {
            ids.add(t.id());
        }
        return tasks.stream().filter(t -> !ids.contains(t.parentId())).toList();
    }

    /**
     * Returns the live tasks that {@code task} created.
     *
     * @param task a task of this snapshot
     * @return its children, in creation order
     */
    public List<TaskInfo> children(TaskInfo task) {
        return tasks.stream().filter(t -> t.parentId() == task.id() && t.id() != task.id()).toList();
    }

    /**
     * Renders the task tree as text, one task per line, children indented under their creator:
     * <pre>
     * loop 'main-loop' (thread main), 3 tasks
     * └── #1 main [WAITING 2.0 s] TaskGroup.run ...
     *     ├── #2 fetch-a [WAITING 1.2 s] sleep, 0.8 s left
     *     └── #3 fetch-b [READY]
     * </pre>
     *
     * @return the tree
     */
    public String toTree() {
        StringBuilder sb = new StringBuilder();
        sb.append("loop '").append(loop).append("'");
        if (thread != null) {
            sb.append(" (thread ").append(thread).append(')');
        }
        sb.append(", ").append(tasks.size()).append(tasks.size() == 1 ? " task" : " tasks");
        if (!complete) {
            sb.append(" (read from outside: the loop did not answer)");
        }
        sb.append('\n');
        Map<Long, List<TaskInfo>> byParent = new HashMap<>();
        for (TaskInfo t : tasks) {
            byParent.computeIfAbsent(t.parentId(), k -> new ArrayList<>()).add(t);
        }
        List<TaskInfo> roots = roots();
        for (int i = 0; i < roots.size(); i++) {
            appendTree(sb, roots.get(i), "", i == roots.size() - 1, byParent, new HashSet<>());
        }
        return sb.toString();
    }

    private static void appendTree(StringBuilder sb, TaskInfo t, String indent, boolean last,
            Map<Long, List<TaskInfo>> byParent, Set<Long> seen) {
        if (!seen.add(t.id())) {
            return;
        }
        sb.append(indent).append(last ? "└── " : "├── ").append('#').append(t.id()).append(' ').append(t.name())
                .append(" [").append(t.state());
        if (t.waited() != null) {
            sb.append(' ').append(String.format("%.1f s", t.waited().toNanos() / 1e9));
        }
        sb.append(']');
        if (t.group() != null) {
            sb.append(" in ").append(t.group());
        }
        if (t.waitingOn() != null) {
            sb.append(" waits for ").append(t.waitingOn());
        }
        if (!t.stack().isEmpty()) {
            sb.append(" at ").append(t.stack().get(0));
        }
        sb.append('\n');
        List<TaskInfo> kids = byParent.getOrDefault(t.id(), List.of()).stream().filter(k -> k.id() != t.id()).toList();
        for (int i = 0; i < kids.size(); i++) {
            appendTree(sb, kids.get(i), indent + (last ? "    " : "│   "), i == kids.size() - 1, byParent, seen);
        }
    }

    /**
     * Renders the snapshot as one JSON object (the monitor's and {@code aio4j ps}'s format):
     * {@code loop}, {@code loopId}, {@code thread}, {@code takenAt} (ISO-8601), {@code complete},
     * {@code statistics} (the fields of {@link LoopStatistics}), {@code tasks} (each with the fields
     * of {@link TaskInfo}, {@code waited} in milliseconds or {@code null}, {@code stack} a list of
     * strings) and {@code watchdogReports}.
     *
     * @return the JSON text
     */
    public String toJson() {
        StringBuilder sb = new StringBuilder(256 + 256 * tasks.size());
        sb.append("{\"loop\":");
        Json.string(sb, loop);
        sb.append(",\"loopId\":").append(loopId).append(",\"thread\":");
        Json.string(sb, thread);
        sb.append(",\"takenAt\":");
        Json.string(sb, takenAt.toString());
        sb.append(",\"complete\":").append(complete);
        LoopStatistics s = statistics;
        sb.append(",\"statistics\":{\"iterations\":").append(s.iterations()).append(",\"callbacks\":").append(s.callbacks())
                .append(",\"selects\":").append(s.selects()).append(",\"wakeups\":").append(s.wakeups())
                .append(",\"ioEvents\":").append(s.ioEvents()).append(",\"timersPending\":").append(s.timersPending())
                .append(",\"readyQueue\":").append(s.readyQueue()).append(",\"channels\":").append(s.channels())
                .append(",\"tasks\":").append(s.tasks()).append("},\"tasks\":[");
        for (int i = 0; i < tasks.size(); i++) {
            TaskInfo t = tasks.get(i);
            sb.append(i == 0 ? "" : ",").append("{\"id\":").append(t.id()).append(",\"name\":");
            Json.string(sb, t.name());
            sb.append(",\"state\":\"").append(t.state()).append("\",\"parentId\":").append(t.parentId()).append(",\"group\":");
            Json.string(sb, t.group());
            sb.append(",\"waitingOn\":");
            Json.string(sb, t.waitingOn());
            sb.append(",\"waited\":").append(t.waited() == null ? "null" : String.valueOf(t.waited().toMillis()))
                    .append(",\"cancelling\":").append(t.cancelling()).append(",\"stack\":[");
            for (int j = 0; j < t.stack().size(); j++) {
                sb.append(j == 0 ? "" : ",");
                Json.string(sb, t.stack().get(j).toString());
            }
            sb.append("]}");
        }
        sb.append("],\"watchdogReports\":[");
        for (int i = 0; i < watchdogReports.size(); i++) {
            sb.append(i == 0 ? "" : ",");
            Json.string(sb, watchdogReports.get(i));
        }
        return sb.append("]}").toString();
    }

    /** JSON string literals, for {@link #toJson()}. */
    private static final class Json {
        private Json() {}

        static void string(StringBuilder sb, String s) {
            if (s == null) {
                sb.append("null");
                return;
            }
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            sb.append('"');
        }
    }
}
