package io.aio4j.process;

import io.aio4j.net.StreamReader;
import java.nio.file.Path;
import java.util.Map;

/**
 * How to start a child process: where its standard streams go, its working directory and
 * environment, and the limit of its stream readers. Start from {@link #defaults()} (asyncio's
 * defaults: every stream inherited) or {@link #pipes()} (every stream a pipe) and change what you
 * need:
 * {@snippet :
 * Subprocess p = Subprocess.exec(List.of("grep", "-c", "x"), SubprocessOptions.pipes()
 *         .withStderr(Redirect.STDOUT)
 *         .withCwd(Path.of("/tmp")));
 * }
 *
 * @param stdin where the child's stdin comes from: {@link Redirect#PIPE}, {@link Redirect#DEVNULL}
 *     or {@link Redirect#INHERIT}
 * @param stdout where its stdout goes: {@link Redirect#PIPE}, {@link Redirect#DEVNULL} or
 *     {@link Redirect#INHERIT}
 * @param stderr where its stderr goes: any {@link Redirect}; {@link Redirect#STDOUT} merges it
 *     into stdout
 * @param cwd the child's working directory; {@code null}: this program's
 * @param env the child's whole environment, as asyncio's {@code env=} (copy
 *     {@link System#getenv()} and change it to add a variable); {@code null}: this program's
 * @param limit the limit of the stdout and stderr {@link StreamReader}s (asyncio's {@code limit}):
 *     the longest line {@code readLine} accepts, and the flow-control unit: a pipe stops being read
 *     while its reader holds more than twice this
 */
public record SubprocessOptions(Redirect stdin, Redirect stdout, Redirect stderr, Path cwd, Map<String, String> env,
        int limit) {
    /**
     * Validates the fields and copies {@code env}.
     *
     * @param stdin where stdin comes from
     * @param stdout where stdout goes
     * @param stderr where stderr goes
     * @param cwd the working directory, or {@code null}
     * @param env the environment, or {@code null}
     * @param limit the reader limit
     */
    public SubprocessOptions {
        if (stdin == null || stdout == null || stderr == null) {
            throw new NullPointerException("stdin, stdout and stderr need a Redirect (INHERIT for asyncio's None)");
        }
        if (stdin == Redirect.STDOUT || stdout == Redirect.STDOUT) {
            throw new IllegalArgumentException("Redirect.STDOUT is for stderr only");
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        env = env == null ? null : Map.copyOf(env);
    }

    /**
     * Returns asyncio's defaults: every stream inherited, this program's directory and environment,
     * a 64 KiB reader limit.
     *
     * @return the default options
     */
    public static SubprocessOptions defaults() {
        return new SubprocessOptions(Redirect.INHERIT, Redirect.INHERIT, Redirect.INHERIT, null, null,
                StreamReader.DEFAULT_LIMIT);
    }

    /**
     * Returns the defaults with a pipe for each of stdin, stdout and stderr, as
     * {@link Subprocess#communicate} wants them (and as {@link ProcessBuilder} has them).
     *
     * @return the options
     */
    public static SubprocessOptions pipes() {
        return new SubprocessOptions(Redirect.PIPE, Redirect.PIPE, Redirect.PIPE, null, null,
                StreamReader.DEFAULT_LIMIT);
    }

    /**
     * Returns these options with another stdin.
     *
     * @param stdin {@link Redirect#PIPE}, {@link Redirect#DEVNULL} or {@link Redirect#INHERIT}
     * @return the new options
     */
    public SubprocessOptions withStdin(Redirect stdin) {
        return new SubprocessOptions(stdin, stdout, stderr, cwd, env, limit);
    }

    /**
     * Returns these options with another stdout.
     *
     * @param stdout {@link Redirect#PIPE}, {@link Redirect#DEVNULL} or {@link Redirect#INHERIT}
     * @return the new options
     */
    public SubprocessOptions withStdout(Redirect stdout) {
        return new SubprocessOptions(stdin, stdout, stderr, cwd, env, limit);
    }

    /**
     * Returns these options with another stderr.
     *
     * @param stderr any {@link Redirect}
     * @return the new options
     */
    public SubprocessOptions withStderr(Redirect stderr) {
        return new SubprocessOptions(stdin, stdout, stderr, cwd, env, limit);
    }

    /**
     * Returns these options with another working directory.
     *
     * @param cwd the directory; {@code null}: this program's
     * @return the new options
     */
    public SubprocessOptions withCwd(Path cwd) {
        return new SubprocessOptions(stdin, stdout, stderr, cwd, env, limit);
    }

    /**
     * Returns these options with another environment, which replaces this program's entirely.
     *
     * @param env the child's whole environment; {@code null}: this program's
     * @return the new options
     */
    public SubprocessOptions withEnv(Map<String, String> env) {
        return new SubprocessOptions(stdin, stdout, stderr, cwd, env, limit);
    }

    /**
     * Returns these options with another reader limit.
     *
     * @param limit the limit in bytes
     * @return the new options
     */
    public SubprocessOptions withLimit(int limit) {
        return new SubprocessOptions(stdin, stdout, stderr, cwd, env, limit);
    }
}
