package io.aio4j.http.internal.codec;

import io.aio4j.http.InvalidHeaderException;

/**
 * One thread only (the parser's): the header fields that decide a message's framing and connection
 * fate, collected as the fields arrive: {@code Content-Length}, {@code Transfer-Encoding},
 * {@code Connection}, {@code Upgrade}. Checks each as it comes; the decision itself is the parser's.
 */
final class FramingFields {
    /** The agreed Content-Length, or -1 if none was sent. */
    long contentLength = -1;
    /** Whether any Transfer-Encoding field was sent (even an empty one). */
    boolean transferEncoding;
    /** Number of {@code chunked} codings across all Transfer-Encoding fields. */
    int chunkedCount;
    /** Whether the last coding seen so far is {@code chunked}. */
    boolean chunkedLast;
    /** Connection options seen: {@code close}, {@code keep-alive}, {@code upgrade}. */
    boolean close;
    boolean keepAlive;
    boolean connectionUpgrade;
    /** Whether an Upgrade field was sent. */
    boolean upgrade;

    void reset() {
        contentLength = -1;
        transferEncoding = false;
        chunkedCount = 0;
        chunkedLast = false;
        close = false;
        keepAlive = false;
        connectionUpgrade = false;
        upgrade = false;
    }

    /**
     * Says whether a field name is one the framing depends on, so folding into it is refused.
     *
     * @param name the field name
     * @return {@code true} for Content-Length and Transfer-Encoding
     */
    static boolean isFramingField(String name) {
        return name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding");
    }

    /**
     * Takes note of a header field.
     *
     * @param name the name
     * @param value the value, surrounding whitespace removed
     * @param offset where the field ends in the stream, for errors
     * @throws InvalidHeaderException if a Content-Length is not digits, overflows, or contradicts an
     *     earlier one, or a Transfer-Encoding coding is not a token
     */
    void onField(String name, String value, long offset) throws InvalidHeaderException {
        switch (name.length()) {
            case 14 -> {
                if (name.equalsIgnoreCase("Content-Length")) {
                    contentLength(value, offset);
                }
            }
            case 17 -> {
                if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    transferEncoding(value, offset);
                }
            }
            case 10 -> {
                if (name.equalsIgnoreCase("Connection")) {
                    connection(value);
                }
            }
            case 7 -> {
                if (name.equalsIgnoreCase("Upgrade")) {
                    upgrade = true;
                }
            }
            default -> {
            }
        }
    }

    private void contentLength(String value, long offset) throws InvalidHeaderException {
        if (value.isEmpty()) {
            throw invalid("Content-Length", "empty value", offset);
        }
        long n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid("Content-Length", "not a decimal number: " + ByteClass.describe(c), offset);
            }
            if (n > (Long.MAX_VALUE - (c - '0')) / 10) {
                throw invalid("Content-Length", "larger than 2^63-1", offset);
            }
            n = n * 10 + (c - '0');
        }
        if (contentLength >= 0 && contentLength != n) {
            throw invalid("Content-Length", "two different values, " + contentLength + " and " + n, offset);
        }
        contentLength = n;
    }

    private void transferEncoding(String value, long offset) throws InvalidHeaderException {
        transferEncoding = true;
        for (String element : value.split(",", -1)) {
            String coding = element.strip();
            int semicolon = coding.indexOf(';');
            if (semicolon >= 0) {
                coding = coding.substring(0, semicolon).stripTrailing();
            }
            if (coding.isEmpty()) {
                if (semicolon >= 0) {
                    throw invalid("Transfer-Encoding", "a parameter without a coding", offset);
                }
                continue; // RFC 9110 §5.6.1: empty list elements do not count
            }
            for (int i = 0; i < coding.length(); i++) {
                if (!ByteClass.is((byte) coding.charAt(i), ByteClass.TOKEN)) {
                    throw invalid("Transfer-Encoding", "a coding is not a token: " + coding, offset);
                }
            }
            chunkedLast = coding.equalsIgnoreCase("chunked") && semicolon < 0;
            if (coding.equalsIgnoreCase("chunked")) {
                chunkedCount++;
            }
        }
    }

    private void connection(String value) {
        for (String element : value.split(",")) {
            String option = element.strip();
            if (option.equalsIgnoreCase("close")) {
                close = true;
            } else if (option.equalsIgnoreCase("keep-alive")) {
                keepAlive = true;
            } else if (option.equalsIgnoreCase("upgrade")) {
                connectionUpgrade = true;
            }
        }
    }

    /**
     * Says whether the connection persists after the message, by its version and options.
     *
     * @param version the message's version
     * @return {@code true} if it does
     */
    boolean persists(HttpVersion version) {
        return !close && (version == HttpVersion.HTTP_1_1 || keepAlive);
    }

    static InvalidHeaderException invalid(String field, String why, long offset) {
        return new InvalidHeaderException("header field '" + field + "'", why, offset);
    }
}
