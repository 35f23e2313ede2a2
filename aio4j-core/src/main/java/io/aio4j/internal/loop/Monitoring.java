package io.aio4j.internal.loop;

import io.aio4j.EventLoop;
import io.aio4j.LoopSnapshot;
import io.aio4j.Task;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.ObjectName;
import javax.management.ReflectionException;

/**
 * The JVM-wide view of aio4j's loops for tools outside the process: an MBean named
 * {@value #NAME} with the attribute {@code SnapshotJson} (every live loop's
 * {@link LoopSnapshot#toJson()}, as a JSON array) and the operations {@code pstree()} and
 * {@code cancelTask(long id)}. {@code aio4j ps PID} reads it over the JDK's attach mechanism.
 *
 * <p>It is registered a second after the first loop is made, on a daemon thread of its own, so a
 * short program never pays for the platform MBean server; {@code -Daio4j.jmx=false} turns it off.
 * The first loop also starts the monitor page when {@code -Daio4j.monitor=PORT} asks for it.
 */
public final class Monitoring implements DynamicMBean {
    /** The MBean's name. */
    public static final String NAME = "io.aio4j:type=EventLoops";
    private static final long REGISTER_AFTER_MILLIS = 1000;
    /** Guarded by the class's lock. */
    private static boolean started;

    private Monitoring() {}

    static void loopCreated() {
        synchronized (Monitoring.class) {
            if (started) {
                return;
            }
            started = true;
        }
        // Not under the lock: the monitor's server makes loops of its own, on threads of their own.
        String port = System.getProperty("aio4j.monitor");
        if (port != null) { // for the JVM's life; a bad value is the user's, said at once
            try {
                MonitorLauncher.launch(Integer.parseInt(port.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-Daio4j.monitor takes a port number, not '" + port + "'", e);
            }
        }
        if ("false".equalsIgnoreCase(System.getProperty("aio4j.jmx"))) {
            return;
        }
        Thread t = new Thread(Monitoring::register, "aio4j-jmx-registration");
        t.setDaemon(true);
        t.start();
    }

    private static void register() {
        try {
            Thread.sleep(REGISTER_AFTER_MILLIS);
            ObjectName name = new ObjectName(NAME);
            var server = ManagementFactory.getPlatformMBeanServer();
            if (!server.isRegistered(name)) {
                server.registerMBean(new Monitoring(), name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) { // no java.management in a trimmed runtime, or a name clash
            Log.LOGGER.log(System.Logger.Level.DEBUG, "aio4j's MBean " + NAME + " could not be registered", e);
        }
    }

    /**
     * Returns every live loop's snapshot as a JSON array.
     *
     * @return the JSON text
     */
    public static String snapshotsJson() {
        StringBuilder sb = new StringBuilder("[");
        List<EventLoop> loops = LoopRegistry.live();
        for (int i = 0; i < loops.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(loops.get(i).snapshot().toJson());
        }
        return sb.append(']').toString();
    }

    /**
     * Returns every live loop's task tree ({@link LoopSnapshot#toTree()}).
     *
     * @return the text
     */
    public static String pstree() {
        StringBuilder sb = new StringBuilder();
        for (EventLoop loop : LoopRegistry.live()) {
            sb.append(loop.snapshot().toTree());
        }
        return sb.toString();
    }

    /**
     * Cancels the task with this id, on its loop's thread, as {@code Task.cancel} does.
     *
     * @param id the task's id
     * @param message the cancellation's message
     * @return whether a live task had that id (and took the request)
     */
    public static boolean cancelTask(long id, String message) {
        for (EventLoop loop : LoopRegistry.live()) {
            CompletableFuture<Boolean> found = new CompletableFuture<>();
            try {
                loop.callSoonThreadsafe(() -> {
                    for (Task<?> t : loop.allTasks()) {
                        if (t.id() == id) {
                            found.complete(t.cancel(message));
                            return;
                        }
                    }
                    found.complete(false);
                });
                if (found.get(1, TimeUnit.SECONDS)) {
                    return true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) { // closed meanwhile, or too busy to answer: try the others
                Log.LOGGER.log(System.Logger.Level.DEBUG, "cancelTask(" + id + ") on loop '" + loop.name() + "'", e);
            }
        }
        return false;
    }

    // ---- DynamicMBean

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException {
        if (attribute.equals("SnapshotJson")) {
            return snapshotsJson();
        }
        throw new AttributeNotFoundException(attribute);
    }

    @Override
    public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
        throw new AttributeNotFoundException(attribute.getName() + " is read-only");
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        AttributeList list = new AttributeList();
        for (String a : attributes) {
            if (a.equals("SnapshotJson")) {
                list.add(new Attribute(a, snapshotsJson()));
            }
        }
        return list;
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        return new AttributeList();
    }

    @Override
    public Object invoke(String actionName, Object[] params, String[] signature) throws ReflectionException {
        return switch (actionName) {
            case "pstree" -> pstree();
            case "cancelTask" -> cancelTask(((Number) params[0]).longValue(), "cancelled from " + NAME);
            default -> throw new ReflectionException(new NoSuchMethodException(actionName));
        };
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        return new MBeanInfo(Monitoring.class.getName(), "aio4j's event loops and their tasks",
                new MBeanAttributeInfo[] {new MBeanAttributeInfo("SnapshotJson", "java.lang.String",
                        "every live loop's snapshot, a JSON array", true, false, false)},
                null,
                new MBeanOperationInfo[] {
                    new MBeanOperationInfo("pstree", "the task trees as text", new MBeanParameterInfo[0],
                            "java.lang.String", MBeanOperationInfo.INFO),
                    new MBeanOperationInfo("cancelTask", "cancels the task with this id",
                            new MBeanParameterInfo[] {new MBeanParameterInfo("id", "long", "the task's id")},
                            "boolean", MBeanOperationInfo.ACTION)},
                null);
    }
}
