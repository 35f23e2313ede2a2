package io.aio4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.apicheck.ApiSnapshot;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Snapshots aio4j-http's public API ({@link ApiSnapshot}, from aio4j-core's test jar). */
class PublicApiTest {
    @Test
    void publicApiMatchesTheCheckedInDump() throws IOException, ClassNotFoundException {
        ApiSnapshot.check("aio4j-http.api");
    }

    @Test
    void onlyPublicPackagesAreExportedToEveryone() throws IOException {
        assertThat(ApiSnapshot.exportedPackages()).allSatisfy(p -> assertThat(p).doesNotContain("internal"))
                .containsExactly("io.aio4j.http", "io.aio4j.http.web", "io.aio4j.http.monitor");
    }
}
