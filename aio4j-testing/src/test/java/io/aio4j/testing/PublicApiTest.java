package io.aio4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.apicheck.ApiSnapshot;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Snapshots aio4j-testing's public API ({@link ApiSnapshot}, from aio4j-core's test jar). */
class PublicApiTest {
    @Test
    void publicApiMatchesTheCheckedInDump() throws IOException, ClassNotFoundException {
        ApiSnapshot.check("aio4j-testing.api");
    }

    @Test
    void onlyPublicPackagesAreExportedToEveryone() throws IOException {
        assertThat(ApiSnapshot.exportedPackages()).containsExactly("io.aio4j.testing", "io.aio4j.testing.http");
    }
}
