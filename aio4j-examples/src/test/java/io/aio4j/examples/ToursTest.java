package io.aio4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's tours run and print what the README says. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ToursTest {
    @Test
    void networkingTour() {
        assertThat(NetworkingTour.run()).containsExactly("echoed: hello", "incomplete: no newline of 100",
                "from a subprocess (exit 0)", "killed (exit 137)");
    }

    @Test
    void httpTour() {
        assertThat(HttpTour.run()).containsExactly("Hello, ann", "201 Order[id=1, item=tea, count=2]");
    }
}
