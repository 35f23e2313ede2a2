package io.aio4j.internal.loop;

/**
 * aio4j's {@link System.Logger}, named {@code io.aio4j}, created on first use: creating a logger
 * costs milliseconds at start-up, and most runs never log. Thread-safe.
 */
public final class Log {
    /** The logger. */
    public static final System.Logger LOGGER = System.getLogger("io.aio4j");

    private Log() {}
}
