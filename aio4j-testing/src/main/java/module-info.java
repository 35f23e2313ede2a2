/** Test support for aio4j: an event loop on virtual time. */
module io.aio4j.testing {
    requires transitive io.aio4j;

    exports io.aio4j.testing;
}
