package io.aio4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Headers}: aiohttp's CIMultiDict semantics, immutable, with a builder. */
class HeadersTest {
    private final Headers headers = Headers.of("Content-Type", "text/html", "Set-Cookie", "a=1", "set-cookie", "b=2",
            "X-Empty", "");

    @Test
    void getIgnoresCaseAndReturnsTheFirstValue() {
        assertThat(headers.get("content-type")).isEqualTo("text/html");
        assertThat(headers.get("SET-COOKIE")).isEqualTo("a=1");
        assertThat(headers.get("X-Empty")).isEmpty();
        assertThat(headers.get("Missing")).isNull();
        assertThat(headers.get("Missing", "default")).isEqualTo("default");
    }

    @Test
    void getAllReturnsEveryValueInOrder() {
        assertThat(headers.getAll("Set-Cookie")).containsExactly("a=1", "b=2");
        assertThat(headers.getAll("missing")).isEmpty();
        assertThatThrownBy(() -> headers.getAll("set-cookie").add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void containsNamesAndSizeCountFieldsAsTheyArrived() {
        assertThat(headers.contains("x-empty")).isTrue();
        assertThat(headers.contains("x-other")).isFalse();
        assertThat(headers.size()).isEqualTo(4);
        assertThat(headers.isEmpty()).isFalse();
        assertThat(headers.names()).containsExactly("Content-Type", "Set-Cookie", "X-Empty");
        assertThat(headers.name(2)).isEqualTo("set-cookie");
        assertThat(headers.value(2)).isEqualTo("b=2");
        assertThatThrownBy(() -> headers.name(4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void iterationGivesEveryFieldInOrder() {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        headers.forEach(fields::add);
        assertThat(fields).containsExactly(Map.entry("Content-Type", "text/html"), Map.entry("Set-Cookie", "a=1"),
                Map.entry("set-cookie", "b=2"), Map.entry("X-Empty", ""));
    }

    @Test
    void theBuilderAddsSetsAndRemoves() {
        Headers changed = headers.toBuilder().set("SET-COOKIE", "c=3").add("A", "1").remove("x-empty").build();
        assertThat(changed).isEqualTo(Headers.of("Content-Type", "text/html", "SET-COOKIE", "c=3", "A", "1"));
        assertThat(headers.size()).as("the original is unchanged").isEqualTo(4);
        Headers.Builder b = Headers.builder().add("A", "1").addAll(Headers.of("B", "2")).set("C", "3");
        assertThat(b.size()).isEqualTo(3);
        assertThat(b.get("b")).isEqualTo("2");
        assertThat(b.build()).isEqualTo(Headers.of("A", "1", "B", "2", "C", "3"));
    }

    @Test
    void equalityIgnoresTheCaseOfNamesButNotOrderOrValues() {
        assertThat(Headers.of("A", "x", "B", "y")).isEqualTo(Headers.of("a", "x", "b", "y"))
                .hasSameHashCodeAs(Headers.of("a", "x", "b", "y"))
                .isNotEqualTo(Headers.of("B", "y", "A", "x"))
                .isNotEqualTo(Headers.of("A", "X", "B", "y"));
        assertThat(Headers.of()).isEqualTo(Headers.builder().build());
    }

    @Test
    void toStringHidesCredentials() {
        assertThat(Headers.of("Authorization", "Bearer s3cret", "Cookie", "id=1", "Accept", "*/*")).hasToString(
                "<Headers(Authorization: <redacted>, Cookie: <redacted>, Accept: */*)>");
    }

    @Test
    void malformedArgumentsAreRefused() {
        assertThatThrownBy(() -> Headers.of("A")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Headers.of("A", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Headers.builder().add(null, "v")).isInstanceOf(NullPointerException.class);
    }
}
