package io.aio4j.process;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What {@link Subprocess#communicate} collected: asyncio's {@code (stdout_data, stderr_data)}
 * tuple, plus the exit status that {@code communicate} waited for (as in Python's
 * {@code subprocess.CompletedProcess}).
 *
 * @param returnCode the exit status; see {@link Subprocess#returnCode()} for signals
 * @param stdout everything the child wrote to stdout; {@code null} unless stdout was a
 *     {@link Redirect#PIPE}
 * @param stderr everything it wrote to stderr; {@code null} unless stderr was a
 *     {@link Redirect#PIPE}
 */
public record ProcessOutput(int returnCode, byte[] stdout, byte[] stderr) {
    /**
     * Returns stdout decoded as UTF-8.
     *
     * @return the text; {@code null} if stdout was not piped
     */
    public String stdoutText() {
        return stdout == null ? null : new String(stdout, StandardCharsets.UTF_8);
    }

    /**
     * Returns stderr decoded as UTF-8.
     *
     * @return the text; {@code null} if stderr was not piped
     */
    public String stderrText() {
        return stderr == null ? null : new String(stderr, StandardCharsets.UTF_8);
    }

    /**
     * Compares the exit status and the bytes (not the arrays' identities).
     *
     * @param o the other object
     * @return whether both hold the same status and bytes
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ProcessOutput p && p.returnCode == returnCode && Arrays.equals(p.stdout, stdout)
                && Arrays.equals(p.stderr, stderr);
    }

    /**
     * Hashes the exit status and the bytes.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return 31 * (31 * returnCode + Arrays.hashCode(stdout)) + Arrays.hashCode(stderr);
    }

    /**
     * Describes the output by sizes, not contents.
     *
     * @return for example {@code ProcessOutput[returnCode=0, stdout=12 bytes, stderr=null]}
     */
    @Override
    public String toString() {
        return "ProcessOutput[returnCode=" + returnCode + ", stdout=" + size(stdout) + ", stderr=" + size(stderr) + "]";
    }

    private static String size(byte[] b) {
        return b == null ? "null" : b.length + " bytes";
    }
}
