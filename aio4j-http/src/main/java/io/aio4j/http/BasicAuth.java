package io.aio4j.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * HTTP Basic credentials: aiohttp's {@code BasicAuth}. Sent as an {@code Authorization} header, and
 * dropped when a redirect leaves the origin (scheme, host and port) they were sent to.
 *
 * @param login the user name; it must not contain {@code ':'}
 * @param password the password
 */
public record BasicAuth(String login, String password) {
    /**
     * Checks the login.
     *
     * @param login the user name
     * @param password the password
     */
    public BasicAuth {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(password, "password");
        if (login.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a Basic login must not contain ':'");
        }
    }

    /**
     * Returns the header value.
     *
     * @return {@code Basic} and the base64 of {@code login:password} in UTF-8
     */
    public String encode() {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "BasicAuth[login=" + login + ", password=***]";
    }
}
