package io.aio4j.internal.loop;

/**
 * A loop's lifecycle.
 * <pre>
 * from \ to | IDLE            | RUNNING              | CLOSED
 * ----------+-----------------+----------------------+-------------
 * IDLE      | -               | runForever           | close
 * RUNNING   | loop exits      | -                    | (refused)
 * CLOSED    | (refused)       | (refused)            | no effect
 * </pre>
 */
public enum LoopState {
    /** Created or stopped; may run again or be closed. */
    IDLE,
    /** A thread is inside {@code runForever}. */
    RUNNING,
    /** Closed for good. */
    CLOSED
}
