/** The seed article's programs, ported to aio4j, and the README's tours of networking and HTTP. */
module io.aio4j.examples {
    requires io.aio4j;
    requires io.aio4j.http;

    exports io.aio4j.examples to io.aio4j.cli;

    opens io.aio4j.examples to com.fasterxml.jackson.databind;
}
