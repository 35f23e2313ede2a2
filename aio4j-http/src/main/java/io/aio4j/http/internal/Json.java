package io.aio4j.http.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Thread-safe. The JSON mapper the client and the server share (Jackson), and the two conversions
 * they need. Unknown properties are ignored when reading, as a client of an evolving API expects.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    /**
     * Returns the shared mapper.
     *
     * @return the mapper; configure a copy, never this one
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Writes a value as UTF-8 JSON.
     *
     * @param value a value Jackson can serialize
     * @return the bytes
     * @throws IllegalArgumentException if the value cannot be serialized (the caller's fault)
     */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads UTF-8 JSON into a value of a type.
     *
     * @param <T> the type
     * @param json the bytes
     * @param type the class to read into ({@code Object.class} gives maps, lists, strings, numbers)
     * @return the value
     * @throws IOException if the bytes are not JSON of that shape (the peer's fault)
     */
    public static <T> T read(byte[] json, Class<T> type) throws IOException {
        return MAPPER.readValue(json, type);
    }
}
