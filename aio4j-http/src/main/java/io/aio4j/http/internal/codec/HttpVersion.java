package io.aio4j.http.internal.codec;

/** The HTTP versions the codec speaks. HTTP/0.9 (no version at all) and 2.0 are refused. */
public enum HttpVersion {
    /** {@code HTTP/1.0}: connections close after each message unless {@code Connection: keep-alive}. */
    HTTP_1_0("HTTP/1.0"),
    /** {@code HTTP/1.1}: connections persist unless {@code Connection: close}. */
    HTTP_1_1("HTTP/1.1");

    private final String text;

    HttpVersion(String text) {
        this.text = text;
    }

    /**
     * Returns the version as it appears on the wire.
     *
     * @return {@code "HTTP/1.0"} or {@code "HTTP/1.1"}
     */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
