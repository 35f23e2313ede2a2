package io.aio4j;

import java.time.Duration;

/**
 * How to build an {@link EventLoop}. Start from {@link #defaults()} and change what you need:
 * {@snippet :
 * EventLoop loop = EventLoop.create(LoopOptions.defaults().withDebug(true));
 * }
 *
 * @param name the loop's name, shown by {@code toString()} and in thread names; {@code null}
 *     picks {@code "aio4j-loop-N"}
 * @param debug whether the loop starts in debug mode; {@code null} takes it from the system
 *     property {@code aio4j.debug} or else the environment variable {@code AIO4J_DEBUG}
 *     (asyncio's {@code PYTHONASYNCIODEBUG})
 * @param slowCallbackDuration how long one callback or task step may hold the loop thread before
 *     the watchdog reports it; {@code null} picks 100 ms in debug mode and 1 s otherwise;
 *     {@link Duration#ZERO} turns the watchdog off
 * @param monitorPort a port on {@code 127.0.0.1} where the loop starts aio4j's monitor (a live
 *     page of the JVM's loops, from aio4j-http's {@code io.aio4j.http.monitor.Monitor}) and keeps it
 *     until the loop closes; {@code null} for none. The system property {@code aio4j.monitor=PORT}
 *     starts one for the whole JVM instead, with the first loop.
 */
public record LoopOptions(String name, Boolean debug, Duration slowCallbackDuration, Integer monitorPort) {

    /**
     * Returns the default options.
     *
     * @return options with every field {@code null}
     */
    public static LoopOptions defaults() {
        return new LoopOptions(null, null, null, null);
    }

    /**
     * Returns these options with another name.
     *
     * @param name the loop's name
     * @return the new options
     */
    public LoopOptions withName(String name) {
        return new LoopOptions(name, debug, slowCallbackDuration, monitorPort);
    }

    /**
     * Returns these options with debug mode on or off.
     *
     * @param debug whether debug mode is on
     * @return the new options
     */
    public LoopOptions withDebug(boolean debug) {
        return new LoopOptions(name, debug, slowCallbackDuration, monitorPort);
    }

    /**
     * Returns these options with another watchdog threshold.
     *
     * @param threshold the longest step that is not reported; {@link Duration#ZERO} turns the
     *     watchdog off
     * @return the new options
     */
    public LoopOptions withSlowCallbackDuration(Duration threshold) {
        return new LoopOptions(name, debug, threshold, monitorPort);
    }

    /**
     * Returns these options with a monitor: the loop starts aio4j's monitor page on
     * {@code http://127.0.0.1:port/} when it is made and stops it when it closes. Needs aio4j-http.
     * {@snippet :
     * Aio.run(() -> serve(), LoopOptions.defaults().withMonitorPort(50101));
     * }
     *
     * @param port the port, or {@code 0} for any free one
     * @return the new options
     * @throws IllegalArgumentException if the port is out of range
     */
    public LoopOptions withMonitorPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("a port is in 0..65535, not " + port);
        }
        return new LoopOptions(name, debug, slowCallbackDuration, port);
    }

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException if {@code slowCallbackDuration} is negative
     */
    public LoopOptions {
        if (slowCallbackDuration != null && slowCallbackDuration.isNegative()) {
            throw new IllegalArgumentException("slowCallbackDuration must not be negative: " + slowCallbackDuration);
        }
    }
}
