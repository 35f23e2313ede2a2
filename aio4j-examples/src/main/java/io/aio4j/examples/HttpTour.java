package io.aio4j.examples;

import io.aio4j.Aio;
import io.aio4j.http.ClientResponse;
import io.aio4j.http.ClientSession;
import io.aio4j.http.web.Application;
import io.aio4j.http.web.Response;
import io.aio4j.http.web.WebServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The README's HTTP tour, runnable: an aio4j web server and an aio4j client talking on 127.0.0.1. */
public final class HttpTour {
    /**
     * An order, as JSON.
     *
     * @param id its number, given by the server
     * @param item what
     * @param count how many
     */
    public record Order(int id, String item, int count) {
    }

    private HttpTour() {
    }

    /**
     * Runs the tour.
     *
     * @return what it printed
     */
    public static List<String> run() {
        List<String> out = new ArrayList<>();
        AtomicInteger ids = new AtomicInteger();
        Aio.run(() -> {
            Application app = Application.builder()
                    .get("/hello/{name}", request -> Response.text("Hello, " + request.pathParam("name")))
                    .post("/orders", request -> {
                        Order o = request.json(Order.class);
                        return Response.json(new Order(ids.incrementAndGet(), o.item(), o.count())).status(201);
                    })
                    .build();
            try (WebServer server = WebServer.start(app, "127.0.0.1", 0);
                    ClientSession session = ClientSession.create()) {
                try (ClientResponse r = session.get(server.url("/hello/ann"))) {
                    r.raiseForStatus();
                    out.add(r.text());
                }
                try (ClientResponse r = session.post(server.url("/orders"), req -> req.json(new Order(0, "tea", 2)))) {
                    out.add(r.status() + " " + r.json(Order.class));
                }
            }
        });
        return out;
    }

    /**
     * Prints the tour.
     *
     * @param args none
     */
    public static void main(String[] args) {
        run().forEach(System.out::println);
    }
}
