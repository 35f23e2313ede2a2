/**
 * HTTP for aio4j, in the spirit of aiohttp. So far it holds the HTTP/1.1 codec: an incremental
 * parser that reads requests and responses straight from the read buffer, and a serializer that
 * refuses to write a header or request line a peer could misread. The public package
 * {@code io.aio4j.http} holds what users see of it (headers, parse errors); the codec itself lives
 * in {@code io.aio4j.http.internal.codec}, which no module may read yet: the client and server
 * that will use it are to come in this module.
 */
module io.aio4j.http {
    requires transitive io.aio4j;
    requires com.fasterxml.jackson.databind;

    exports io.aio4j.http;
}
