package io.aio4j.examples;

import static io.aio4j.Aio.createTask;
import static io.aio4j.Aio.gather;

import io.aio4j.Aio;
import io.aio4j.examples.demo.DemoSites;
import io.aio4j.http.ClientException;
import io.aio4j.http.ClientSession;
import java.util.List;

/**
 * The seed article's second program: three web pages fetched concurrently with the HTTP client.
 * The pages come from {@link DemoSites}: an embedded HTTPS server by default, the Internet with
 * {@code --live}.
 */
public final class FetchWebpages {
    private FetchWebpages() {}

    static String fetchWebpage(ClientSession.Builder sessions, String url) throws ClientException {
        try (var session = sessions.build(); var response = session.get(url)) {
            return response.text();
        }
    }

    static void main(ClientSession.Builder sessions) {
        var urls = List.of("https://www.example.com", "https://www.google.com", "https://www.python.org");
        var tasks = urls.stream().map(url -> createTask(() -> fetchWebpage(sessions, url))).toList();
        var results = gather(tasks);
        for (int index = 0; index < results.size(); index++) {
            System.out.println("Content from " + urls.get(index) + ": " + first50(results.get(index)) + "...");
        }
    }

    /** Python's {@code text[:50]}. */
    static String first50(String text) {
        return text.substring(0, Math.min(50, text.length()));
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
