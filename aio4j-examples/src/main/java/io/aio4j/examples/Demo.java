package io.aio4j.examples;

import io.aio4j.Aio;
import io.aio4j.examples.demo.DemoSites;
import java.util.List;

/**
 * {@code aio4j demo [1|2|3|all] [--live]}: runs the seed article's programs. Program 1 prints what
 * {@link FetchData} prints and nothing else; programs 2 and 3 first say where the pages come from
 * ({@link DemoSites}).
 */
public final class Demo {
    /** The usage line. */
    public static final String USAGE = "usage: aio4j demo [1|2|3|all] [--live]";

    private Demo() {}

    /**
     * Runs the programs the arguments name.
     *
     * @param args {@code 1}, {@code 2}, {@code 3} or {@code all} (the default), and {@code --live}
     * @throws IllegalArgumentException if an argument is neither
     */
    public static void run(List<String> args) {
        boolean live = false;
        String which = "all";
        for (String a : args) {
            if (a.equals("--live")) {
                live = true;
            } else if (List.of("1", "2", "3", "all").contains(a)) {
                which = a;
            } else {
                throw new IllegalArgumentException("unknown demo argument: " + a);
            }
        }
        if (which.equals("1")) {
            FetchData.main(new String[0]);
            return;
        }
        try (DemoSites sites = live ? DemoSites.live() : DemoSites.embedded()) {
            System.out.println(sites.banner());
            if (which.equals("2")) {
                Aio.run(() -> FetchWebpages.main(sites.sessions()));
            } else if (which.equals("3")) {
                Aio.run(() -> FetchWithErrorHandling.main(sites.sessions()));
            } else {
                System.out.println();
                System.out.println("== Program 1: FetchData, three simulated 2-second fetches at once");
                FetchData.main(new String[0]);
                System.out.println();
                System.out.println("== Program 2: FetchWebpages, three pages with the HTTP client");
                Aio.run(() -> FetchWebpages.main(sites.sessions()));
                System.out.println();
                System.out.println("== Program 3: FetchWithErrorHandling, one bad URL among them");
                Aio.run(() -> FetchWithErrorHandling.main(sites.sessions()));
            }
        }
    }
}
