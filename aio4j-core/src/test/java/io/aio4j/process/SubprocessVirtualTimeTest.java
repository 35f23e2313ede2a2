package io.aio4j.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.Aio;
import io.aio4j.LoopTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * A child runs in real time: a loop on virtual time must not jump to its next timer while it waits
 * for a child to exit, or for a pipe to deliver.
 */
@Timeout(30)
@DisabledOnOs(OS.WINDOWS)
class SubprocessVirtualTimeTest extends LoopTest {

    @Test
    void theClockDoesNotJumpWhileAChildRuns() {
        run(() -> {
            Subprocess p = Subprocess.exec("sleep", "0.2");
            loop.callLater(Duration.ofSeconds(5), () -> record("timer"));
            record("exit " + p.waitFor() + " at " + nowMillis());
            record(events.contains("timer") ? "the clock jumped" : "no jump");
        });
        assertThat(events).startsWith("exit 0 at 0", "no jump");
    }

    @Test
    void theClockDoesNotJumpWhileAReaderWaitsForAChildsOutput() {
        run(() -> {
            Subprocess p = Subprocess.shell("sleep 0.2; echo late", SubprocessOptions.pipes());
            loop.callLater(Duration.ofSeconds(5), () -> record("timer"));
            byte[] all = p.stdout().read(-1);
            record("read " + new String(all, StandardCharsets.UTF_8).trim() + " at " + nowMillis());
            record("exit " + p.communicate().returnCode());
        });
        assertThat(events).startsWith("read late at 0", "exit 0");
    }

    @Test
    void afterTheChildExitedTheClockJumpsAgain() {
        run(() -> {
            ProcessOutput out = Subprocess.exec(List.of("echo", "hi"), SubprocessOptions.pipes()).communicate();
            Aio.sleep(Duration.ofSeconds(3));
            record(out.stdoutText().trim() + " then woke at " + nowMillis());
        });
        assertThat(events).containsExactly("hi then woke at 3000");
    }
}
