package io.aio4j.cli;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * {@code aio4j ps PID}: the task trees of a running JVM's aio4j loops, like Python 3.14's
 * {@code python -m asyncio pstree PID}. It attaches with the JDK's attach mechanism, starts the
 * target's local JMX agent if it is not running, and reads aio4j's {@code io.aio4j:type=EventLoops}
 * MBean, which every JVM that made a loop registers a second after its first loop.
 */
final class PsCommand {
    static final String USAGE = """
            usage: aio4j ps              list the JVMs of this user, to find a PID
                   aio4j ps PID          the task trees of that JVM's event loops
                   aio4j ps PID --json   the same as JSON: one array of loop snapshots""";
    private static final String MBEAN = "io.aio4j:type=EventLoops";

    private PsCommand() {}

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            for (VirtualMachineDescriptor d : VirtualMachine.list()) {
                out.println(d.id() + "  " + (d.displayName().isBlank() ? "(no main class)" : d.displayName()));
            }
            return 0;
        }
        if (args.contains("-h") || args.contains("--help")) {
            out.println(USAGE);
            return 0;
        }
        String pid = args.get(0);
        boolean json = args.subList(1, args.size()).contains("--json");
        if (!pid.matches("\\d+") || args.size() > 2 || (args.size() == 2 && !json)) {
            err.println("aio4j ps: expected a process id and maybe --json, got " + String.join(" ", args));
            err.println(USAGE);
            return 2;
        }
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(pid);
        } catch (AttachNotSupportedException | IOException e) {
            err.println("aio4j ps: cannot attach to process " + pid + ": " + e.getMessage()
                    + " (is it a running JVM of this user, started without -XX:+DisableAttachMechanism?)");
            return 1;
        }
        try {
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
                MBeanServerConnection server = connector.getMBeanServerConnection();
                ObjectName name = new ObjectName(MBEAN);
                out.print(json ? server.getAttribute(name, "SnapshotJson") + "\n" : server.invoke(name, "pstree", null, null));
                return 0;
            }
        } catch (InstanceNotFoundException e) {
            err.println("aio4j ps: process " + pid + " has no aio4j event loop (or made its first one less than a"
                    + " second ago, or runs with -Daio4j.jmx=false)");
        } catch (IOException | javax.management.JMException e) {
            err.println("aio4j ps: reading process " + pid + " failed: " + e);
        }
        return 1;
    }
}
