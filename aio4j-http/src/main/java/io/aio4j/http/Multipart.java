package io.aio4j.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A {@code multipart/form-data} body (RFC 7578), as a browser sends a form with files: aiohttp's
 * {@code FormData} with files. Built with chained calls and sent with {@link RequestSpec#multipart}.
 * <pre>{@code
 * session.post(url, req -> req.multipart(Multipart.formData()
 *         .field("title", "holiday")
 *         .file("photo", "beach.jpg", "image/jpeg", bytes)));
 * }</pre>
 * Names and file names are escaped as the HTML standard says ({@code "} as {@code %22}, CR and LF
 * as {@code %0D} and {@code %0A}). Not thread-safe.
 */
public final class Multipart {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One part. */
    private record Part(String name, String filename, String contentType, byte[] data) {
    }

    private final String boundary;
    private final List<Part> parts = new ArrayList<>();

    private Multipart(String boundary) {
        this.boundary = boundary;
    }

    /**
     * Starts a form with a random boundary.
     *
     * @return the form, empty
     */
    public static Multipart formData() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return new Multipart("aio4j-" + HexFormat.of().formatHex(b));
    }

    /**
     * Adds a text field.
     *
     * @param name the field's name
     * @param value its value, sent in UTF-8
     * @return this
     */
    public Multipart field(String name, String value) {
        parts.add(new Part(Objects.requireNonNull(name, "name"), null, null, value.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /**
     * Adds a file.
     *
     * @param name the field's name
     * @param filename the file's name, as the server will see it
     * @param contentType the file's media type, e.g. {@code image/png}
     * @param data the content
     * @return this
     */
    public Multipart file(String name, String filename, String contentType, byte[] data) {
        parts.add(new Part(Objects.requireNonNull(name, "name"), Objects.requireNonNull(filename, "filename"),
                Objects.requireNonNull(contentType, "contentType"), data.clone()));
        return this;
    }

    /**
     * Returns the {@code Content-Type} to send the form with.
     *
     * @return {@code multipart/form-data; boundary=...}
     */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /**
     * Returns the encoded body.
     *
     * @return the bytes
     */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(escape(p.name)).append('"');
            if (p.filename != null) {
                head.append("; filename=\"").append(escape(p.filename)).append('"');
            }
            head.append("\r\n");
            if (p.contentType != null) {
                head.append("Content-Type: ").append(p.contentType).append("\r\n");
            }
            head.append("\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(p.data);
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static String escape(String s) {
        return s.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    @Override
    public String toString() {
        return "Multipart[" + parts.size() + " parts, boundary=" + boundary + "]";
    }
}
