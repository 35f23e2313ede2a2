package io.aio4j.process;

import io.aio4j.internal.process.ProcessOps;
import io.aio4j.net.StreamReader;
import io.aio4j.net.StreamWriter;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;

/**
 * A child process whose pipes are streams of the loop: asyncio's {@code asyncio.subprocess.Process},
 * made by {@link #exec} ({@code create_subprocess_exec}) or {@link #shell}
 * ({@code create_subprocess_shell}). Its stdin is a {@link StreamWriter}, its stdout and stderr are
 * {@link StreamReader}s; waiting for it suspends the calling task, never the loop.
 * {@snippet :
 * Aio.run(() -> {
 *     Subprocess p = Subprocess.exec(List.of("sort"), SubprocessOptions.pipes());
 *     ProcessOutput out = p.communicate("b\na\n".getBytes(StandardCharsets.UTF_8));
 *     System.out.print(out.stdoutText()); // a, b
 *     System.out.println("exit " + out.returnCode());
 * });
 * }
 *
 * <h2>How the pipes work</h2>
 * The JDK's process pipes block, so each piped stream has a daemon platform thread of its own
 * (named {@code aio4j-process-<pid>-stdin}, {@code -stdout}, {@code -stderr}), not one of the
 * bounded {@link io.aio4j.Aio#toThread} pool, which a long-lived pipe would starve. The stdout and
 * stderr threads read 64 KiB chunks and hand them to the loop; they stop reading while the
 * stream's reader holds more than twice its limit ({@link SubprocessOptions#limit()}), so a chatty
 * child waits on a full pipe instead of filling the heap. The stdin thread writes what
 * {@link StreamWriter#write} buffered, and {@link StreamWriter#drain()} waits for it as it waits
 * for a slow socket. The threads end when their pipe reaches EOF or breaks, which happens when the
 * child exits (see {@link #close()} for a child that does not).
 *
 * <h2>Cancellation</h2>
 * A task cancelled in {@link #waitFor()} or {@link #communicate} leaves the child running, as in
 * asyncio: call {@link #kill()} (or {@link #close()}) in a {@code finally} block to stop it. A task
 * cancelled while {@link #exec} starts the child leaves nothing behind: if the spawn was already
 * under way on its thread, the child is killed as soon as it has started.
 *
 * <h2>Pitfalls</h2>
 * <ul>
 * <li>{@link #waitFor()} with stdout or stderr piped and unread deadlocks once the child has written
 *     more than the pipe and the reader hold (the same warning as asyncio's {@code wait()}): read
 *     the pipes while waiting, or use {@link #communicate}.
 * <li>Exit statuses of signalled children follow the JDK, not asyncio: see {@link #returnCode()}.
 * <li>When the child exits, the JDK takes what its stdout and stderr pipes hold and closes them
 *     ({@code ProcessPipeInputStream.processExited}): the readers get those bytes, then EOF. So a
 *     grandchild that inherited a pipe (a shell's {@code cmd &}) and writes after the child exited
 *     may find the pipe closed and its output lost; give such a grandchild a file instead.
 * <li>A loop that closes kills the children of its own that still run, and ends their threads.
 * <li>Not thread-safe: use it from the tasks of the loop that started it.
 * </ul>
 */
public interface Subprocess extends AutoCloseable {
    /**
     * Starts a program with asyncio's default options (every stream inherited): asyncio's
     * {@code create_subprocess_exec(*command)}. Suspends the calling task until the child runs.
     *
     * @param command the program and its arguments
     * @return the running child
     * @throws FileNotFoundException if the program (or the working directory) does not exist; the
     *     message names it
     * @throws IOException if the OS cannot start it otherwise (a
     *     {@link java.nio.file.AccessDeniedException} when it is not executable)
     */
    static Subprocess exec(String... command) throws IOException {
        return exec(List.of(command), SubprocessOptions.defaults());
    }

    /**
     * Starts a program: asyncio's {@code create_subprocess_exec}. No shell is involved: the
     * arguments reach the program as they are. Suspends the calling task until the child runs (the
     * JDK's spawn runs on a {@link io.aio4j.Aio#toThread} thread, not on the loop). If the task is
     * cancelled meanwhile, the child is killed as soon as it has started.
     *
     * @param command the program (a path, or a name looked up in {@code PATH}) and its arguments
     * @param options where the streams go, directory, environment, reader limit
     * @return the running child
     * @throws FileNotFoundException if the program (or the working directory) does not exist; the
     *     message names it
     * @throws IOException if the OS cannot start it otherwise (a
     *     {@link java.nio.file.AccessDeniedException} when it is not executable)
     * @throws IllegalArgumentException if {@code command} is empty
     * @throws IllegalStateException if not called in a task of a running loop
     */
    static Subprocess exec(List<String> command, SubprocessOptions options) throws IOException {
        return ProcessOps.exec(command, options);
    }

    /**
     * Runs a command line through the shell with asyncio's default options: asyncio's
     * {@code create_subprocess_shell(cmd)}. See {@link #shell(String, SubprocessOptions)}.
     *
     * @param command the command line
     * @return the running shell
     * @throws IOException if the shell cannot be started
     */
    static Subprocess shell(String command) throws IOException {
        return shell(command, SubprocessOptions.defaults());
    }

    /**
     * Runs a command line through the shell ({@code /bin/sh -c}, or {@code cmd.exe /c} on
     * Windows): asyncio's {@code create_subprocess_shell}. Suspends the calling task until the
     * shell runs.
     *
     * <p><b>Pitfalls:</b> quoting is the caller's job, and text from outside the program must not
     * reach the command line unquoted (shell injection); prefer {@link #exec}. A command that does
     * not exist is reported by the shell (exit status 127 and a message on stderr), not by a
     * {@link FileNotFoundException}. {@link #pid()} and {@link #terminate()} address the shell,
     * which may not pass a signal on to its children.
     *
     * @param command the command line
     * @param options where the streams go, directory, environment, reader limit
     * @return the running shell
     * @throws IOException if the shell cannot be started
     */
    static Subprocess shell(String command, SubprocessOptions options) throws IOException {
        return ProcessOps.shell(command, options);
    }

    /**
     * Returns the child's process id.
     *
     * @return the pid
     */
    long pid();

    /**
     * Returns the JDK's handle of the child, to list its descendants or read its command line.
     *
     * @return the handle
     */
    ProcessHandle toHandle();

    /**
     * Returns the writer of the child's stdin.
     *
     * <p>After the child exits, {@link StreamWriter#write} and {@link StreamWriter#drain()} throw a
     * {@link io.aio4j.net.BrokenResourceException}; closing the writer sends the child EOF.
     *
     * @return the writer; {@code null} unless stdin is a {@link Redirect#PIPE}
     */
    StreamWriter stdin();

    /**
     * Returns the reader of the child's stdout.
     *
     * @return the reader; {@code null} unless stdout is a {@link Redirect#PIPE}
     */
    StreamReader stdout();

    /**
     * Returns the reader of the child's stderr.
     *
     * @return the reader; {@code null} unless stderr is a {@link Redirect#PIPE}
     */
    StreamReader stderr();

    /**
     * Waits for the child to exit and returns its exit status: asyncio's {@code wait()}. Suspends
     * the calling task; returns at once if the child has exited. Waits for the exit only, not for
     * the pipes to reach EOF.
     *
     * <p><b>Cancellation</b> leaves the child running. <b>Pitfall:</b> with stdout or stderr piped
     * and nobody reading, a child that writes much never exits: see the class comment.
     *
     * @return the exit status; see {@link #returnCode()}
     */
    int waitFor();

    /**
     * Feeds the child no input and collects its output; see {@link #communicate(byte[])}.
     *
     * @return the exit status and what stdout and stderr carried
     * @throws IOException if reading a pipe failed
     */
    default ProcessOutput communicate() throws IOException {
        return communicate(null);
    }

    /**
     * Writes {@code input} to the child's stdin and closes it, reads stdout and stderr to EOF, and
     * waits for the child to exit: asyncio's {@code communicate(input)}. Suspends the calling task.
     * The three run concurrently (as child tasks of a {@link io.aio4j.TaskGroup}), so a child that
     * writes much while it reads cannot deadlock. If the child exits without reading all its input,
     * the rest is dropped, as in asyncio (the broken pipe is not an error).
     *
     * <p>Reads start where earlier reads of {@link #stdout()} and {@link #stderr()} stopped, and
     * hold everything in memory: for output larger than you want to hold, read the streams instead.
     *
     * <p><b>Cancellation</b> cancels the child tasks and leaves the child running, its pipes in an
     * unknown state (some input written, some output read and dropped): kill it.
     *
     * @param input the bytes for stdin; {@code null} to just close stdin (if it is piped)
     * @return the exit status and everything stdout and stderr carried ({@code null} for a stream
     *     that is not piped)
     * @throws IOException if reading a pipe failed, or another task reads it meanwhile
     *     ({@link io.aio4j.net.BusyResourceException})
     * @throws IllegalStateException if {@code input} is given but stdin is not a {@link Redirect#PIPE}
     */
    ProcessOutput communicate(byte[] input) throws IOException;

    /**
     * Returns the exit status: asyncio's {@code returncode}. A child that called {@code exit(n)}
     * gives {@code n}.
     *
     * <p><b>Signals:</b> the JDK reports a child killed by signal {@code n} as {@code 128 + n},
     * the shells' convention, where asyncio reports {@code -n}: {@link #terminate()} gives 143
     * (SIGTERM), {@link #kill()} 137 (SIGKILL). aio4j passes the JDK's value on unchanged: it cannot
     * tell a signalled child from one that called {@code exit(143)} (as {@code sh} does when it is
     * terminated), and a guess would be wrong some of the time. On Windows, {@link #terminate()} and
     * {@link #kill()} give 1.
     *
     * @return the exit status; {@code null} while the child runs (or before the loop has heard of
     *     its exit)
     */
    Integer returnCode();

    /**
     * Asks the child to stop: SIGTERM on POSIX, {@code TerminateProcess} on Windows. asyncio's
     * {@code terminate()}. Does nothing if the child has exited. Returns at once; use
     * {@link #waitFor()} to wait for the exit.
     */
    void terminate();

    /**
     * Kills the child: SIGKILL on POSIX, {@code TerminateProcess} on Windows. asyncio's
     * {@code kill()}. Does nothing if the child has exited. Returns at once.
     */
    void kill();

    /**
     * Sends a POSIX signal to the child: asyncio's {@code send_signal}. SIGTERM (15) and SIGKILL (9)
     * go through the JDK, like {@link #terminate()} and {@link #kill()}; other signals through the
     * {@code kill} command, so this suspends the calling task while that runs. Does nothing if the
     * child has exited.
     *
     * @param signal the signal number (2 for SIGINT, 1 for SIGHUP, ...)
     * @throws IOException if the {@code kill} command fails (an unknown signal, say)
     * @throws UnsupportedOperationException on Windows, for signals other than 9 and 15
     */
    void sendSignal(int signal) throws IOException;

    /**
     * Kills the child if it still runs and closes the pipes: asyncio's
     * {@code SubprocessTransport.close()}. Buffered output not yet read is dropped, and the pipe
     * threads end (a reading thread as soon as the child's end of its pipe closes). The exit status
     * still arrives ({@link #waitFor()} works). Idempotent.
     */
    @Override
    void close();
}
