package io.aio4j.process;

/**
 * Where a child's standard stream goes: asyncio's {@code subprocess.PIPE}, {@code DEVNULL},
 * {@code STDOUT}, and {@code None} (inherit). Set per stream in {@link SubprocessOptions}.
 */
public enum Redirect {
    /**
     * A pipe to this program: {@link Subprocess#stdin()} writes to it, {@link Subprocess#stdout()}
     * and {@link Subprocess#stderr()} read from it.
     */
    PIPE,
    /** The null device: the child reads EOF at once, and what it writes is discarded. */
    DEVNULL,
    /** The child shares this program's stream (asyncio's {@code None}, the default). */
    INHERIT,
    /**
     * For stderr only: into the same pipe or file as stdout (asyncio's {@code subprocess.STDOUT}),
     * so the two interleave as the child wrote them; {@link Subprocess#stderr()} is {@code null}.
     */
    STDOUT
}
