package io.aio4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.apicheck.ApiSnapshot;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Snapshots aio4j-core's public API ({@link ApiSnapshot}), so it never changes by accident. */
class PublicApiTest {
    @Test
    void publicApiMatchesTheCheckedInDump() throws IOException, ClassNotFoundException {
        ApiSnapshot.check("aio4j-core.api");
    }

    @Test
    void onlyPublicPackagesAreExportedToEveryone() throws IOException {
        assertThat(ApiSnapshot.exportedPackages()).allSatisfy(p -> assertThat(p).doesNotContain("internal"))
                .contains("io.aio4j", "io.aio4j.sync", "io.aio4j.queue");
    }
}
