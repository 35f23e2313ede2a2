package io.aio4j.http.internal.codec;

import io.aio4j.http.Headers;

/**
 * Thread-safe (stateless): refuses outgoing message parts a peer could misread, before any byte is
 * written (fault F34: header injection and request splitting). A method and a field name must be
 * tokens; a request target visible ASCII; a field value or reason phrase may hold HTAB, SP, visible
 * ASCII and bytes 0x80-0xFF, never CR, LF, NUL, another control or DEL. Characters above U+00FF
 * cannot be sent as ISO-8859-1 and are refused too. Errors name the field and the position, never
 * the whole value (it may be a credential).
 */
final class FieldValidator {
    private FieldValidator() {
    }

    static void method(String method) {
        token(method, "method");
    }

    static void target(String target) {
        if (target.isEmpty()) {
            throw new IllegalArgumentException("request target is empty");
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c > 0xFF || !ByteClass.is((byte) c, ByteClass.TARGET)) {
                throw forbidden("request target", c, i);
            }
        }
    }

    static void status(int status) {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status code " + status + " is not from 100 to 999");
        }
    }

    static void reason(String reason) {
        text(reason, "reason phrase");
    }

    static void fields(Headers headers) {
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            String value = headers.value(i);
            // The messages are built only on failure: this runs for every field of every message.
            int bad = firstBad(name, ByteClass.TOKEN);
            if (name.isEmpty() || bad >= 0) {
                token(name, "header name '" + name.replaceAll("[^\\x21-\\x7e]", "?") + "'");
            }
            if (firstBad(value, ByteClass.FIELD) >= 0) {
                text(value, "header value of '" + name + "'");
            }
        }
    }

    /** Returns the index of the first character outside the class, or -1. */
    private static int firstBad(String s, int byteClass) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF || !ByteClass.is((byte) c, byteClass)) {
                return i;
            }
        }
        return -1;
    }

    private static void token(String s, String what) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        int bad = firstBad(s, ByteClass.TOKEN);
        if (bad >= 0) {
            throw forbidden(what, s.charAt(bad), bad);
        }
    }

    private static void text(String s, String what) {
        int bad = firstBad(s, ByteClass.FIELD);
        if (bad >= 0) {
            throw forbidden(what, s.charAt(bad), bad);
        }
    }

    private static IllegalArgumentException forbidden(String what, char c, int index) {
        return new IllegalArgumentException(what + " contains the forbidden character "
                + (c > 0x20 && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c)) + " at index " + index);
    }
}
