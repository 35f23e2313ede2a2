package io.aio4j.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.Task;
import io.aio4j.internal.loop.SelectorLoop;
import io.aio4j.internal.process.LoopProcesses;
import io.aio4j.net.BrokenResourceException;
import io.aio4j.net.StreamReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
@DisabledOnOs(OS.WINDOWS)
class SubprocessTest {
    private static final SubprocessOptions PIPES = SubprocessOptions.pipes();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static List<String> pipeThreads(long pid) {
        String prefix = "aio4j-process-" + pid + "-";
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).filter(n -> n.startsWith(prefix))
                .toList();
    }

    /** Waits (on the loop's timers) until the pipe threads of {@code p} have ended. */
    private static void assertThreadsEnd(Subprocess p) {
        for (int i = 0; i < 500 && !pipeThreads(p.pid()).isEmpty(); i++) {
            Aio.sleep(Duration.ofMillis(10));
        }
        assertThat(pipeThreads(p.pid())).as("pipe threads of " + p).isEmpty();
    }

    /**
     * Nothing is left behind: no live child on the loop's books, no task but the caller. A child
     * leaves the books once it exited and its pipes reached EOF, which may come a little after the
     * exit: wait for that.
     */
    private static void assertNothingLeft() {
        LoopProcesses books = LoopProcesses.of((SelectorLoop) Aio.getRunningLoop());
        for (int i = 0; i < 500 && !books.live().isEmpty(); i++) {
            Aio.sleep(Duration.ofMillis(10));
        }
        assertThat(books.live()).isEmpty();
        assertThat(Aio.allTasks()).containsExactly(Aio.currentTask());
    }

    @Test
    void catEchoesLinesThroughItsPipesAndExitsOnEof() {
        List<String> events = Aio.run(() -> {
            List<String> seen = new ArrayList<>();
            Subprocess cat = Subprocess.exec(List.of("cat"), PIPES);
            seen.add("started, returnCode=" + cat.returnCode());
            cat.stdin().write(utf8("hello\n"));
            cat.stdin().drain();
            seen.add("read " + text(cat.stdout().readLine()).trim());
            cat.stdin().write(utf8("world\n"));
            cat.stdin().close();
            seen.add("read " + text(cat.stdout().readLine()).trim());
            seen.add("eof " + cat.stdout().read(-1).length);
            seen.add("exit " + cat.waitFor());
            seen.add("returnCode " + cat.returnCode());
            assertThreadsEnd(cat);
            assertNothingLeft();
            return seen;
        });
        assertThat(events).containsExactly("started, returnCode=null", "read hello", "read world", "eof 0", "exit 0",
                "returnCode 0");
    }

    @Test
    void exitStatusesComeThrough() {
        Aio.run(() -> {
            Subprocess three = Subprocess.exec(List.of("sh", "-c", "exit 3"), SubprocessOptions.defaults());
            assertThat(three.stdin()).isNull();
            assertThat(three.stdout()).isNull();
            assertThat(three.waitFor()).isEqualTo(3);
            assertThat(three.waitFor()).as("again, at once").isEqualTo(3);
            assertThat(Subprocess.exec("true").waitFor()).isZero();
            assertThat(Subprocess.shell("exit 42").waitFor()).isEqualTo(42);
            assertNothingLeft();
        });
    }

    @Test
    void stderrIsSeparateUnlessMergedIntoStdout() {
        Aio.run(() -> {
            String script = "echo out; echo err >&2; echo out2";
            ProcessOutput apart = Subprocess.shell(script, PIPES).communicate();
            assertThat(apart.stdoutText()).isEqualTo("out\nout2\n");
            assertThat(apart.stderrText()).isEqualTo("err\n");
            assertThat(apart.returnCode()).isZero();

            Subprocess merged = Subprocess.shell(script, PIPES.withStderr(Redirect.STDOUT));
            assertThat(merged.stderr()).isNull();
            ProcessOutput together = merged.communicate();
            assertThat(together.stdoutText()).isEqualTo("out\nerr\nout2\n");
            assertThat(together.stderr()).isNull();

            ProcessOutput discarded = Subprocess.shell(script, PIPES.withStdout(Redirect.DEVNULL)).communicate();
            assertThat(discarded.stdout()).isNull();
            assertThat(discarded.stderrText()).isEqualTo("err\n");
            assertNothingLeft();
        });
    }

    @Test
    void aChattyChildWaitsOnAFullPipeWhileNobodyReads() {
        int total = 20 << 20;
        int limit = StreamReader.DEFAULT_LIMIT;
        // The reader pauses above 2 * limit; chunks already read arrive after the pause: at most
        // the two in flight plus the one that crossed the mark.
        int bound = 2 * limit + 3 * 64 * 1024;
        Aio.run(() -> {
            Subprocess head = Subprocess.exec(List.of("head", "-c", Integer.toString(total), "/dev/zero"),
                    PIPES.withStdin(Redirect.DEVNULL));
            Aio.sleep(Duration.ofMillis(300));
            assertThat(head.stdout().buffered()).as("held while nobody reads").isPositive().isLessThanOrEqualTo(bound);
            assertThat(head.returnCode()).as("blocked on its full pipe").isNull();

            long read = 0;
            int mostBuffered = 0;
            while (true) {
                mostBuffered = Math.max(mostBuffered, head.stdout().buffered());
                byte[] chunk = head.stdout().read(64 * 1024);
                if (chunk.length == 0) {
                    break;
                }
                read += chunk.length;
            }
            assertThat(read).isEqualTo(total);
            assertThat(mostBuffered).isLessThanOrEqualTo(bound);
            assertThat(head.waitFor()).isZero();
            assertThreadsEnd(head);
            assertNothingLeft();
        });
    }

    @Test
    void communicateFeedsStdinAndCollectsBothOutputs() {
        byte[] input = new byte[3 << 20]; // larger than a pipe and the write buffer's high water mark
        new Random(7).nextBytes(input);
        Aio.run(() -> {
            ProcessOutput copied = Subprocess.exec(List.of("cat"), PIPES).communicate(input);
            assertThat(copied.stdout()).isEqualTo(input);
            assertThat(copied.stderr()).isEmpty();

            ProcessOutput sorted = Subprocess.exec(List.of("sort"), PIPES).communicate(utf8("b\nc\na\n"));
            assertThat(sorted.stdoutText()).isEqualTo("a\nb\nc\n");

            // A child that never reads its input: the rest is dropped, no error (asyncio's behaviour).
            ProcessOutput ignored = Subprocess.shell("echo done", PIPES).communicate(input);
            assertThat(ignored.stdoutText()).isEqualTo("done\n");

            Subprocess noStdin = Subprocess.exec(List.of("true"), PIPES.withStdin(Redirect.DEVNULL));
            assertThatThrownBy(() -> noStdin.communicate(utf8("x"))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("stdin=Redirect.PIPE");
            noStdin.waitFor();
            assertNothingLeft();
        });
    }

    @Test
    void drainWaitsForASlowChild() {
        Aio.run(() -> {
            Subprocess slow = Subprocess.shell("sleep 0.2; cat > /dev/null", PIPES);
            slow.stdin().write(new byte[1 << 20]);
            long queued = slow.stdin().transport().writeBufferSize();
            assertThat(queued).as("queued beyond the high water mark").isGreaterThan(64 * 1024);
            slow.stdin().drain();
            assertThat(slow.stdin().transport().writeBufferSize()).isLessThanOrEqualTo(16 * 1024);
            slow.stdin().close();
            assertThat(slow.waitFor()).isZero();
            assertNothingLeft();
        });
    }

    @Test
    void signalsShowAsTheJdkReportsThem() {
        Aio.run(() -> {
            Subprocess term = Subprocess.exec("sleep", "30");
            term.terminate();
            assertThat(term.waitFor()).as("128 + SIGTERM").isEqualTo(143);

            Subprocess killed = Subprocess.exec("sleep", "30");
            killed.kill();
            assertThat(killed.waitFor()).as("128 + SIGKILL").isEqualTo(137);
            killed.kill(); // exited: nothing happens
            killed.terminate();

            Subprocess interrupted = Subprocess.exec("sleep", "30");
            interrupted.sendSignal(2);
            assertThat(interrupted.waitFor()).as("128 + SIGINT").isEqualTo(130);
            interrupted.sendSignal(2); // exited: nothing happens
            assertNothingLeft();
        });
    }

    @Test
    void cwdAndEnvReachTheChild(@TempDir Path dir) throws IOException {
        Path real = dir.toRealPath();
        Aio.run(() -> {
            ProcessOutput pwd = Subprocess.exec(List.of("pwd"), PIPES.withCwd(real)).communicate();
            assertThat(pwd.stdoutText()).isEqualTo(real + "\n");

            ProcessOutput env = Subprocess.exec(List.of("/usr/bin/env"), PIPES.withEnv(Map.of("AIO4J_X", "y z")))
                    .communicate();
            assertThat(env.stdoutText()).as("the whole environment, replaced").isEqualTo("AIO4J_X=y z\n");
            assertNothingLeft();
        });
    }

    @Test
    void aMissingProgramIsAFileNotFoundThatNamesIt(@TempDir Path dir) {
        Aio.run(() -> {
            assertThatThrownBy(() -> Subprocess.exec("aio4j-no-such-program", "arg"))
                    .isInstanceOf(FileNotFoundException.class).hasMessageContaining("aio4j-no-such-program");
            assertThatThrownBy(() -> Subprocess.exec(List.of("cat"), PIPES.withCwd(dir.resolve("gone"))))
                    .isInstanceOf(FileNotFoundException.class).hasMessageContaining("gone");
            Path script = Files.writeString(dir.resolve("not-executable.sh"), "#!/bin/sh\n");
            assertThatThrownBy(() -> Subprocess.exec(script.toString()))
                    .isInstanceOf(java.nio.file.AccessDeniedException.class).hasMessageContaining("not-executable");
            assertThat(Subprocess.shell("aio4j-no-such-program", PIPES).communicate().returnCode())
                    .as("the shell reports it").isEqualTo(127);
            assertNothingLeft();
        });
    }

    @Test
    void aCancelledWaitLeavesTheChildRunning() {
        Aio.run(() -> {
            Subprocess sleeper = Subprocess.exec("sleep", "30");
            Task<Integer> waiter = Aio.createTask(sleeper::waitFor);
            Aio.sleep(Duration.ofMillis(50));
            waiter.cancel();
            assertThatThrownBy(() -> Aio.await(waiter)).isInstanceOf(CancelledError.class);
            Aio.sleep(Duration.ofMillis(50));
            assertThat(sleeper.returnCode()).isNull();
            assertThat(sleeper.toHandle().isAlive()).isTrue();
            sleeper.kill();
            assertThat(sleeper.waitFor()).isEqualTo(137);
            assertNothingLeft();
        });
    }

    @Test
    void aCancelledCommunicateCancelsItsHelpersAndLeavesTheChildRunning() {
        Aio.run(() -> {
            Subprocess sleeper = Subprocess.exec(List.of("sleep", "30"), PIPES);
            Task<ProcessOutput> waiting = Aio.createTask(() -> sleeper.communicate(null));
            Aio.sleep(Duration.ofMillis(50));
            waiting.cancel();
            assertThatThrownBy(() -> Aio.await(waiting)).isInstanceOf(CancelledError.class);
            assertThat(Aio.allTasks()).as("the helpers are gone").containsExactly(Aio.currentTask());
            assertThat(sleeper.toHandle().isAlive()).isTrue();
            sleeper.close();
            assertThat(sleeper.waitFor()).isEqualTo(137);
            assertThreadsEnd(sleeper);
            assertNothingLeft();
        });
    }

    @Test
    void aChildNobodyReadsStillEndsItsThreadsWhenItExits() {
        Aio.run(() -> {
            // More than the reader takes before pausing (128 KiB), less than that plus a pipe.
            Subprocess p = Subprocess.exec(List.of("head", "-c", "150000", "/dev/zero"), PIPES);
            assertThat(p.waitFor()).isZero();
            assertThreadsEnd(p);
            assertThat(p.stdout().read(-1)).hasSize(150000); // nothing was lost meanwhile
            Aio.sleep(Duration.ZERO);
            assertNothingLeft();
        });
    }

    @Test
    void stdinOfAnExitedChildIsBroken() {
        Aio.run(() -> {
            Subprocess p = Subprocess.exec(List.of("true"), PIPES);
            p.waitFor();
            p.stdin().waitClosed();
            assertThatThrownBy(() -> p.stdin().write(utf8("late"))).isInstanceOf(BrokenResourceException.class)
                    .hasMessageContaining("stdin of process " + p.pid()).hasMessageContaining("exited");
            assertThatThrownBy(() -> p.stdin().drain()).isInstanceOf(BrokenResourceException.class);
            p.communicate(); // reads the (empty) outputs to EOF
            assertNothingLeft();
        });
    }

    @Test
    void closeKillsTheChildAndEndsItsThreads() {
        Aio.run(() -> {
            Subprocess p = Subprocess.exec(List.of("sleep", "30"), PIPES);
            p.close();
            p.close();
            assertThat(p.waitFor()).isEqualTo(137);
            assertThat(p.stdout().read(-1)).isEmpty();
            assertThreadsEnd(p);
            assertNothingLeft();
        });
    }

    @Test
    void aClosingLoopKillsItsChildren() throws InterruptedException {
        long pid = Aio.run(() -> Subprocess.exec(List.of("sleep", "30"), PIPES).pid());
        ProcessHandle h = ProcessHandle.of(pid).orElse(null);
        for (int i = 0; i < 500 && h != null && h.isAlive(); i++) {
            Thread.sleep(10);
        }
        assertThat(h == null || !h.isAlive()).as("child " + pid + " killed").isTrue();
        for (int i = 0; i < 500 && !pipeThreads(pid).isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertThat(pipeThreads(pid)).isEmpty();
    }

    @Test
    void aTaskCancelledWhileTheChildStartsLeavesNoChild() throws InterruptedException {
        String marker = "31." + System.nanoTime() % 1000;
        Aio.run(() -> {
            Task<Subprocess> starter = Aio.createTask(() -> Subprocess.exec("sleep", marker));
            Aio.sleep(Duration.ZERO); // the starter is now waiting for the spawn
            starter.cancel();
            assertThatThrownBy(() -> Aio.await(starter)).isInstanceOf(CancelledError.class);
        });
        // The spawn may still be under way on its thread: it starts the child, sees the cancellation
        // and kills it. Give it time to get that far, then wait for the child to go.
        Thread.sleep(500);
        for (int i = 0; i < 500 && !sleepers(marker).isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertThat(sleepers(marker)).isEmpty();
    }

    private static List<ProcessHandle> sleepers(String marker) {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(h -> h.info().arguments().map(a -> List.of(a).contains(marker)).orElse(false)).toList();
    }

    @Test
    void outsideATaskItSaysWhatToDo() {
        assertThatThrownBy(() -> Subprocess.exec("true")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Aio.run");
        assertThatThrownBy(() -> SubprocessOptions.pipes().withStdout(Redirect.STDOUT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
