package io.aio4j.internal.process;

import io.aio4j.Aio;
import io.aio4j.ExceptionGroup;
import io.aio4j.Future;
import io.aio4j.TaskGroup;
import io.aio4j.internal.loop.SelectorLoop;
import io.aio4j.internal.net.StreamProtocol;
import io.aio4j.net.BrokenResourceException;
import io.aio4j.net.StreamReader;
import io.aio4j.net.StreamWriter;
import io.aio4j.process.ProcessOutput;
import io.aio4j.process.Redirect;
import io.aio4j.process.Subprocess;
import io.aio4j.process.SubprocessOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * A started child with its pipes: asyncio's {@code Process} over a
 * {@code BaseSubprocessTransport}. The exit arrives from the JDK's {@link Process#onExit()} through
 * {@code callSoonThreadsafe}; until then the loop counts the child as outside work, so a virtual
 * clock does not jump past it. The child is <em>finished</em> once it has exited and every pipe
 * has ended; the loop's {@link LoopProcesses} holds it until then. Loop thread only.
 */
public final class SubprocessImpl implements Subprocess {
    private final SelectorLoop loop;
    private final Process process;
    private final SubprocessOptions options;
    private final String command;
    private final Future<Integer> exit;
    private final List<Object> pipes = new ArrayList<>(3);
    private StdinWriter stdin;
    private PipeWriteTransport stdinPipe;
    private StreamReader stdout;
    private PipeReadTransport stdoutPipe;
    private StreamReader stderr;
    private PipeReadTransport stderrPipe;
    private Integer returnCode;
    private int openPipes;
    private boolean closed;
    private boolean finished;

    SubprocessImpl(SelectorLoop loop, Process process, SubprocessOptions options, String command) {
        this.loop = loop;
        this.process = process;
        this.options = options;
        this.command = command;
        this.exit = loop.createFuture();
    }

    /** Starts the pipe threads and listens for the exit. Loop thread. */
    void start() {
        LoopProcesses.of(loop).started(this);
        String thread = "aio4j-process-" + process.pid() + "-";
        String of = " of process " + process.pid() + " (" + command + ")";
        if (options.stdin() == Redirect.PIPE) {
            stdin = new StdinWriter(loop, "stdin" + of);
            stdinPipe = new PipeWriteTransport(loop, process.getOutputStream(), "stdin" + of, thread + "stdin",
                    this::pipeEnded);
            openPipes++;
            pipes.add(stdinPipe);
            stdinPipe.start(stdin);
        }
        if (options.stdout() == Redirect.PIPE) {
            StreamProtocol p = new StreamProtocol(loop, options.limit(), null, false);
            stdoutPipe = new PipeReadTransport(loop, process.getInputStream(), "stdout" + of, thread + "stdout",
                    this::pipeEnded);
            openPipes++;
            pipes.add(stdoutPipe);
            stdoutPipe.start(p);
            stdout = p.reader();
        }
        if (options.stderr() == Redirect.PIPE) {
            StreamProtocol p = new StreamProtocol(loop, options.limit(), null, false);
            stderrPipe = new PipeReadTransport(loop, process.getErrorStream(), "stderr" + of, thread + "stderr",
                    this::pipeEnded);
            openPipes++;
            pipes.add(stderrPipe);
            stderrPipe.start(p);
            stderr = p.reader();
        }
        loop.outsideWorkStarted();
        process.onExit().whenComplete((p, e) -> {
            try {
                loop.callSoonThreadsafe(this::exited);
            } catch (RuntimeException loopClosed) {
                // closed meanwhile: it killed the child and nobody is left to tell
            }
        });
    }

    private void exited() {
        loop.outsideWorkEnded();
        returnCode = process.exitValue();
        exit.setResult(returnCode);
        if (stdinPipe != null) {
            stdinPipe.processExited();
        }
        if (stdoutPipe != null) {
            stdoutPipe.processExited();
        }
        if (stderrPipe != null) {
            stderrPipe.processExited();
        }
        maybeFinished();
    }

    private void pipeEnded() {
        openPipes--;
        maybeFinished();
    }

    private void maybeFinished() {
        if (!finished && returnCode != null && openPipes == 0) {
            finished = true;
            LoopProcesses.of(loop).finished(this);
        }
    }

    // ============================================================ Subprocess

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public ProcessHandle toHandle() {
        return process.toHandle();
    }

    @Override
    public StreamWriter stdin() {
        return stdin;
    }

    @Override
    public StreamReader stdout() {
        return stdout;
    }

    @Override
    public StreamReader stderr() {
        return stderr;
    }

    @Override
    public Integer returnCode() {
        return returnCode;
    }

    @Override
    public int waitFor() {
        if (returnCode != null) {
            return returnCode;
        }
        return Aio.await(Aio.shield(exit)); // a cancelled waiter must not cancel the exit itself
    }

    @Override
    public ProcessOutput communicate(byte[] input) throws IOException {
        if (input != null && stdin == null) {
            throw new IllegalStateException("communicate(input) needs stdin=Redirect.PIPE; process " + pid()
                    + " was started with stdin=" + options.stdin());
        }
        byte[][] collected = new byte[2][];
        try {
            TaskGroup.run(group -> {
                if (stdin != null) {
                    group.createTask(() -> feed(input), "stdin feeder of process " + pid());
                }
                if (stdout != null) {
                    group.createTask(() -> {
                        collected[0] = stdout.read(-1);
                    }, "stdout reader of process " + pid());
                }
                if (stderr != null) {
                    group.createTask(() -> {
                        collected[1] = stderr.read(-1);
                    }, "stderr reader of process " + pid());
                }
            });
        } catch (ExceptionGroup g) {
            throw g.rethrowIfOnly(IOException.class);
        }
        return new ProcessOutput(waitFor(), collected[0], collected[1]);
    }

    /** asyncio's {@code _feed_stdin}: a child that exits without reading is no error. */
    private void feed(byte[] input) throws IOException {
        try {
            if (input != null && input.length > 0) {
                stdin.write(input);
                stdin.drain();
            }
        } catch (BrokenResourceException childGone) {
            // asyncio ignores BrokenPipeError and ConnectionResetError here
        } finally {
            stdin.close();
        }
    }

    @Override
    public void terminate() {
        if (returnCode == null) {
            process.destroy();
        }
    }

    @Override
    public void kill() {
        if (returnCode == null) {
            process.destroyForcibly();
        }
    }

    @Override
    public void sendSignal(int signal) throws IOException {
        if (returnCode != null || !process.isAlive()) {
            return;
        }
        if (signal == 15) {
            terminate();
            return;
        }
        if (signal == 9) {
            kill();
            return;
        }
        if (ProcessOps.WINDOWS) {
            throw new UnsupportedOperationException("Windows has no signal " + signal + "; use terminate() or kill()");
        }
        String[] kill = {"kill", "-" + signal, Long.toString(pid())};
        try {
            Aio.toThread(() -> {
                Process k = new ProcessBuilder(kill).redirectErrorStream(true).start();
                String said = new String(k.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                int rc = k.waitFor();
                if (rc != 0) {
                    throw new IOException("'" + String.join(" ", kill) + "' failed with exit status " + rc + ": "
                            + said);
                }
                return null;
            });
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        kill();
        if (stdinPipe != null) {
            stdinPipe.abort();
        }
        if (stdoutPipe != null) {
            stdoutPipe.close();
        }
        if (stderrPipe != null) {
            stderrPipe.close();
        }
    }

    /** Kills the child and stops the pipe threads without calling back: the loop is closing. */
    void closeNow() {
        closed = true;
        process.destroyForcibly();
        if (stdinPipe != null) {
            stdinPipe.closeNow();
        }
        if (stdoutPipe != null) {
            stdoutPipe.closeNow();
        }
        if (stderrPipe != null) {
            stderrPipe.closeNow();
        }
    }

    /**
     * Tells whether every pipe thread of this child has ended (for leak checks). Thread-safe.
     *
     * @return whether none runs
     */
    public boolean threadsDone() {
        for (Object p : pipes) {
            boolean running = p instanceof PipeReadTransport r ? !r.pumpDone() : !((PipeWriteTransport) p).writerDone();
            if (running) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "<Subprocess pid=" + process.pid() + " " + (returnCode == null ? "running" : "returncode=" + returnCode)
                + (closed ? " closed" : "") + " '" + command + "'>";
    }
}
