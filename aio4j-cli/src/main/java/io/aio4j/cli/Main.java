package io.aio4j.cli;

import io.aio4j.examples.Demo;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;

/** The entry point of {@code aio4j.jar}: dispatches to {@code demo}, {@code fetch} and {@code ps}. */
public final class Main {
    static final String USAGE = """
            usage: aio4j demo [1|2|3|all] [--live]    the seed article's three programs
                   aio4j fetch [options] URL...       fetch URLs concurrently (aio4j fetch --help)
                   aio4j ps [PID] [--json]            the task trees of a running JVM's event loops""";

    private Main() {}

    /**
     * Runs a command and exits with its status: 0 done, 1 failed, 2 bad usage.
     *
     * @param args the command and its arguments
     */
    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    /**
     * Runs a command.
     *
     * @param args the command and its arguments
     * @param out where results go
     * @param err where diagnostics and the progress bar go
     * @return the exit status
     */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || List.of("-h", "--help", "help").contains(args.get(0))) {
            (args.isEmpty() ? err : out).println(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        List<String> rest = args.subList(1, args.size());
        switch (args.get(0)) {
            case "demo" -> {
                try {
                    Demo.run(rest);
                    return 0;
                } catch (IllegalArgumentException e) {
                    err.println("aio4j demo: " + e.getMessage());
                    err.println(Demo.USAGE);
                    return 2;
                } catch (CompletionException e) { // a checked exception out of a task, as the Python would raise it
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    err.println("aio4j demo: the program failed: " + cause.getClass().getSimpleName() + ": "
                            + cause.getMessage() + " (program 3 shows how to handle such errors)");
                    return 1;
                }
            }
            case "ps" -> {
                return PsCommand.run(rest, out, err);
            }
            case "fetch" -> {
                return FetchCommand.run(rest, out, err, Boolean.getBoolean("aio4j.stderrIsTerminal"));
            }
            default -> {
                err.println("aio4j: unknown command: " + args.get(0));
                err.println(USAGE);
                return 2;
            }
        }
    }
}
