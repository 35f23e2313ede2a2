/** The seed article's programs, ported to aio4j. */
module io.aio4j.examples {
    requires io.aio4j;
}
