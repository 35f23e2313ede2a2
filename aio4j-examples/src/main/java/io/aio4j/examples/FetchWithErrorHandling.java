package io.aio4j.examples;

import static io.aio4j.Aio.createTask;
import static io.aio4j.Aio.gather;
import static io.aio4j.examples.FetchWebpages.first50;

import io.aio4j.Aio;
import io.aio4j.examples.demo.DemoSites;
import io.aio4j.http.ClientException;
import io.aio4j.http.ClientSession;
import java.util.List;

/**
 * The seed article's third program: the same fetches with one bad URL among them. Its failure is
 * caught and printed in its own task; the other two pages still arrive.
 */
public final class FetchWithErrorHandling {
    private FetchWithErrorHandling() {}

    static String fetchWebpageWithErrorHandling(ClientSession.Builder sessions, String url) {
        try (var session = sessions.build(); var response = session.get(url)) {
            response.raiseForStatus(); // HTTP errors become exceptions
            return response.text();
        } catch (ClientException e) {
            System.out.println("Error fetching " + url + ": " + e.getMessage());
            return null; // or a default value
        }
    }

    static void main(ClientSession.Builder sessions) {
        var urls = List.of("https://www.example.com", "https://invalid_url", "https://www.python.org");
        var tasks = urls.stream().map(url -> createTask(() -> fetchWebpageWithErrorHandling(sessions, url))).toList();
        var results = gather(tasks);
        for (int index = 0; index < results.size(); index++) {
            if (results.get(index) != null) {
                System.out.println("Content from " + urls.get(index) + ": " + first50(results.get(index)) + "...");
            }
        }
    }

    /**
     * Runs the program.
     *
     * @param args {@code --live} to fetch from the Internet
     */
    public static void main(String[] args) {
        try (var sites = DemoSites.fromArgs(args)) {
            System.out.println(sites.banner());
            Aio.run(() -> main(sites.sessions()));
        }
    }
}
