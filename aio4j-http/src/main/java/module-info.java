/**
 * HTTP for aio4j, in the spirit of aiohttp: the client ({@code io.aio4j.http}: {@code ClientSession},
 * {@code ClientResponse}, the {@code ClientException} tree, {@code Headers}) and the server
 * ({@code io.aio4j.http.web}: {@code Application}, {@code WebServer}), and a live monitor of the
 * JVM's event loops in a browser ({@code io.aio4j.http.monitor}). Both stand on an HTTP/1.1
 * codec that parses straight from the read buffer and refuses to write a header or request line a
 * peer could misread; it and the connection machinery live in {@code io.aio4j.http.internal.*},
 * which no other module may read.
 */
module io.aio4j.http {
    requires transitive io.aio4j;
    requires com.fasterxml.jackson.databind;

    exports io.aio4j.http;
    exports io.aio4j.http.web;
    exports io.aio4j.http.monitor;

    provides io.aio4j.internal.loop.MonitorLauncher with io.aio4j.http.internal.monitor.MonitorLauncherImpl;
}
