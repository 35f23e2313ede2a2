package io.aio4j.cli;

import io.aio4j.Aio;
import io.aio4j.TaskGroup;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import javax.management.ObjectName;

/** A JVM for {@link PsCommandTest} to attach to: a known task tree, waiting; says "ready" when its MBean is up. */
public final class PsFixture {
    private PsFixture() {}

    /**
     * Runs until killed.
     *
     * @param args none
     */
    public static void main(String[] args) {
        Aio.run(() -> {
            Aio.createTask(() -> {
                TaskGroup.run(g -> {
                    g.createTask(() -> Aio.sleep(Duration.ofHours(1)), "worker-1");
                    g.createTask(() -> Aio.sleep(Duration.ofHours(1)), "worker-2");
                });
            }, "supervisor");
            ObjectName name = new ObjectName("io.aio4j:type=EventLoops");
            while (!ManagementFactory.getPlatformMBeanServer().isRegistered(name)) {
                Aio.sleep(Duration.ofMillis(50));
            }
            System.out.println("ready");
            System.out.flush();
            Aio.sleep(Duration.ofHours(1));
            return null;
        });
    }
}
