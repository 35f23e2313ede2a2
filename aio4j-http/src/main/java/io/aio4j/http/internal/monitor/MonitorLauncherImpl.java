package io.aio4j.http.internal.monitor;

import io.aio4j.http.monitor.Monitor;
import io.aio4j.internal.loop.MonitorLauncher;

/** Lets a loop start the monitor page ({@code LoopOptions.withMonitorPort}, {@code -Daio4j.monitor}). */
public final class MonitorLauncherImpl implements MonitorLauncher {
    /** Made by {@link java.util.ServiceLoader}. */
    public MonitorLauncherImpl() {}

    @Override
    public AutoCloseable start(int port) {
        return Monitor.start(port);
    }
}
