package io.aio4j.http.internal;

/** Thread-safe (stateless). Reads the {@code charset} parameter of a {@code Content-Type}, for the client and the server. */
public final class ContentTypes {
    private ContentTypes() {
    }

    /**
     * Returns the charset a {@code Content-Type} names.
     *
     * @param contentType the header's value, or {@code null}
     * @return the charset's name, quotes removed, or {@code null} when none is named
     */
    public static String charsetName(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String param : contentType.split(";")) {
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                String name = param.substring(eq + 1).strip();
                if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                    name = name.substring(1, name.length() - 1);
                }
                return name;
            }
        }
        return null;
    }
}
