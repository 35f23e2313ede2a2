package io.aio4j.http.internal.codec;

/**
 * How much of a message head a parser accepts before it throws
 * {@link io.aio4j.http.LineTooLongException} (or, for the field count, a
 * {@link io.aio4j.http.BadHttpMessageException}). The parser never buffers more than these.
 *
 * @param maxLineLength the longest start line, header field (name, colon and value, folded lines
 *     included) or chunk-size line (with its extensions), CRLF excluded. aiohttp's
 *     {@code max_line_size} and {@code max_field_size}: 8190.
 * @param maxFieldCount the most header fields in a head, or trailer fields in a trailer section.
 *     100, as Tomcat's {@code maxHeaderCount} and Apache's {@code LimitRequestFields}: browsers send
 *     about 20, and the reliability catalogue (F16) wants a client to refuse more than 128.
 * @param maxHeadBytes the most bytes in a whole head (start line, fields and line ends, plus empty
 *     lines before it) or trailer section: 64 KiB, between Node's 16 KiB and Go's 1 MiB.
 */
public record ParserLimits(int maxLineLength, int maxFieldCount, int maxHeadBytes) {
    /** aiohttp's line limit, 100 fields, 64 KiB heads. */
    public static final ParserLimits DEFAULT = new ParserLimits(8190, 100, 64 * 1024);

    /**
     * Checks the limits.
     *
     * @throws IllegalArgumentException if a limit is not positive
     */
    public ParserLimits {
        if (maxLineLength <= 0 || maxFieldCount <= 0 || maxHeadBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxLineLength + ", " + maxFieldCount
                    + ", " + maxHeadBytes);
        }
    }
}
