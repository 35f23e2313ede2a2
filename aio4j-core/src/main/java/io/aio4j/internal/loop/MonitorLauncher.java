package io.aio4j.internal.loop;

import java.util.ServiceLoader;

/**
 * Starts aio4j's monitor page: a service that aio4j-http provides (the page is served by its HTTP
 * server, a layer above the loop), found with {@link ServiceLoader} when a loop is asked for a
 * monitor ({@code LoopOptions.withMonitorPort}, or the system property {@code aio4j.monitor}).
 */
public interface MonitorLauncher {
    /**
     * Starts a monitor on {@code 127.0.0.1:port}.
     *
     * @param port the port; {@code 0} for any free one
     * @return the running monitor; closing it stops it
     */
    AutoCloseable start(int port);

    /**
     * Starts a monitor through the provider on the class or module path.
     *
     * @param port the port
     * @return the running monitor
     * @throws IllegalStateException if no provider is there (aio4j-http is missing)
     */
    static AutoCloseable launch(int port) {
        MonitorLauncher launcher = ServiceLoader.load(MonitorLauncher.class, MonitorLauncher.class.getClassLoader())
                .findFirst().orElseThrow(() -> new IllegalStateException("aio4j's monitor is served by aio4j-http"
                        + " (io.aio4j.http.monitor.Monitor), which is not on the class or module path"));
        return launcher.start(port);
    }
}
