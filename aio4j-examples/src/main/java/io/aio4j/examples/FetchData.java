package io.aio4j.examples;

import static io.aio4j.Aio.createTask;
import static io.aio4j.Aio.gather;
import static io.aio4j.Aio.sleep;

import io.aio4j.Aio;
import java.time.Duration;
import java.util.List;

/**
 * The seed article's first program: three simulated fetches that each take two seconds run
 * concurrently on one thread, so the whole takes two seconds, not six.
 */
public final class FetchData {
    private FetchData() {}

    static String fetchData(String url) {
        System.out.println("Fetching data from " + url + "...");
        sleep(Duration.ofSeconds(2)); // simulates a network request
        System.out.println("Data from " + url + " fetched successfully.");
        return "Data from " + url;
    }

    static void main() {
        var urls = List.of("url1", "url2", "url3");
        var tasks = urls.stream().map(url -> createTask(() -> fetchData(url))).toList();
        var results = gather(tasks); // runs the tasks concurrently
        System.out.println("Results: " + results);
    }

    /**
     * Runs the program.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        long start = System.nanoTime();
        Aio.run(() -> main());
        long end = System.nanoTime();
        System.out.printf("Time taken: %.2f seconds%n", (end - start) / 1e9);
    }
}
