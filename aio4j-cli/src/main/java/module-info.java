/**
 * The {@code aio4j} command: {@code demo} runs the seed article's programs, {@code fetch} fetches
 * URLs concurrently with one client session, {@code ps} shows the task trees of a running JVM. An
 * application, not a library: it exports nothing.
 */
module io.aio4j.cli {
    requires io.aio4j;
    requires io.aio4j.http;
    requires io.aio4j.examples;
    requires com.fasterxml.jackson.databind;
    requires java.management;
    requires jdk.attach; // aio4j ps
}
