package io.aio4j.internal.process;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.EventLoop;
import io.aio4j.internal.loop.SelectorLoop;
import io.aio4j.process.Redirect;
import io.aio4j.process.Subprocess;
import io.aio4j.process.SubprocessOptions;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionException;

/**
 * What {@link Subprocess#exec} and {@link Subprocess#shell} do: build the {@link ProcessBuilder},
 * spawn off the loop, type the spawn errors, wire the pipes. Called in a task.
 */
public final class ProcessOps {
    static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");
    private static final File NULL_FILE = new File(WINDOWS ? "NUL" : "/dev/null");
    private static final java.util.regex.Pattern ERRNO = java.util.regex.Pattern.compile("error(?:=|: )(\\d+)");

    private ProcessOps() {}

    public static Subprocess exec(List<String> command, SubprocessOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("the command is empty: it needs at least the program");
        }
        List<String> argv = List.copyOf(command);
        return start(runningLoop("Subprocess.exec()"), argv, options, String.join(" ", argv));
    }

    public static Subprocess shell(String command, SubprocessOptions options) throws IOException {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(options, "options");
        List<String> argv = WINDOWS ? List.of("cmd.exe", "/c", command) : List.of("/bin/sh", "-c", command);
        return start(runningLoop("Subprocess.shell()"), argv, options, command);
    }

    private static SelectorLoop runningLoop(String operation) {
        if (Aio.currentTask() == null) {
            throw new IllegalStateException(operation + " suspends the calling task, but " + Thread.currentThread()
                    + " is not a task of a running event loop; call it inside Aio.run(...) or createTask(...)");
        }
        EventLoop loop = Aio.getRunningLoop();
        if (!(loop instanceof SelectorLoop s)) {
            throw new IllegalStateException("the running loop " + loop + " cannot run child processes");
        }
        return s;
    }

    private static Subprocess start(SelectorLoop loop, List<String> argv, SubprocessOptions o, String display)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.redirectInput(switch (o.stdin()) {
            case PIPE -> ProcessBuilder.Redirect.PIPE;
            case DEVNULL -> ProcessBuilder.Redirect.from(NULL_FILE);
            case INHERIT -> ProcessBuilder.Redirect.INHERIT;
            case STDOUT -> throw new AssertionError("refused by SubprocessOptions");
        });
        pb.redirectOutput(output(o.stdout()));
        if (o.stderr() == Redirect.STDOUT) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectError(output(o.stderr()));
        }
        if (o.cwd() != null) {
            pb.directory(o.cwd().toFile());
        }
        if (o.env() != null) {
            pb.environment().clear();
            pb.environment().putAll(o.env());
        }
        Process p = spawn(pb, display);
        boolean ok = false;
        try {
            SubprocessImpl s = new SubprocessImpl(loop, p, o, display);
            s.start();
            ok = true;
            return s;
        } finally {
            if (!ok) {
                p.destroyForcibly();
            }
        }
    }

    private static ProcessBuilder.Redirect output(Redirect r) {
        return switch (r) {
            case PIPE -> ProcessBuilder.Redirect.PIPE;
            case DEVNULL -> ProcessBuilder.Redirect.DISCARD;
            case INHERIT -> ProcessBuilder.Redirect.INHERIT;
            case STDOUT -> throw new AssertionError("handled by the caller");
        };
    }

    /** The hand-over between the spawning thread and a task that may be cancelled meanwhile. */
    private static final class Spawn {
        /** Guarded by {@code this}. */
        private Process process;
        /** Guarded by {@code this}: the task was cancelled; the child, once started, is killed. */
        private boolean abandoned;
    }

    /**
     * Starts the child on a {@link Aio#toThread} thread (a spawn blocks for a millisecond or more,
     * too long for the loop). If the task is cancelled meanwhile, whichever side comes second kills
     * the child: nothing is left running behind a cancelled {@code exec}, as in asyncio.
     */
    private static Process spawn(ProcessBuilder pb, String display) throws IOException {
        Spawn handOver = new Spawn();
        try {
            return Aio.await(Aio.runInExecutor(null, () -> {
                Process p = pb.start();
                synchronized (handOver) {
                    if (handOver.abandoned) {
                        p.destroyForcibly();
                    } else {
                        handOver.process = p;
                    }
                }
                return p;
            }));
        } catch (CancelledError e) {
            synchronized (handOver) {
                handOver.abandoned = true;
                if (handOver.process != null) {
                    handOver.process.destroyForcibly();
                }
            }
            throw e;
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw typed(io, display);
            }
            throw e;
        }
    }

    /**
     * Types the JDK's "Cannot run program" errors by their errno, keeping its message (it names the
     * program, and the directory if one was set). The JDK spells the errno "error=2, No such file"
     * (fork and vfork) or "Exec failed, error: 2 (No such file" (posix_spawn through jspawnhelper).
     */
    static IOException typed(IOException e, String display) {
        String m = String.valueOf(e.getMessage());
        java.util.regex.Matcher errno = ERRNO.matcher(m);
        int code = errno.find() ? Integer.parseInt(errno.group(1)) : -1;
        IOException typed;
        if (code == 2) { // ENOENT: no such program, or no such working directory
            typed = new FileNotFoundException(m);
        } else if (code == 13) { // EACCES: not executable
            typed = new AccessDeniedException(display, null, m);
        } else {
            return e;
        }
        typed.initCause(e);
        return typed;
    }
}
