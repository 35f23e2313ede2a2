package io.aio4j.internal.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.LoopTest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The loop's default resolver: lookups on the {@code toThread} pool, answers cached for a time to
 * live on the loop's clock (virtual time here, so the TTL passes at once), failures not cached.
 * The lookup is a counting stand-in for the JDK's.
 */
class DefaultResolverTest extends LoopTest {
    final AtomicInteger lookups = new AtomicInteger();

    InetAddress[] answer(String host) throws UnknownHostException {
        lookups.incrementAndGet();
        if (host.startsWith("missing")) {
            throw new UnknownHostException(host + ": not in the test's zone");
        }
        return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {(byte) 192, 0, 2, (byte) lookups.get()})};
    }

    @Test
    void aSecondLookupWithinTheTtlIsServedFromTheCache() {
        DefaultResolver r = new DefaultResolver(loop, this::answer);
        List<InetAddress> first = run(() -> r.resolve("example.test"));
        assertThat(lookups).hasValue(1);
        loop.advanceBy(DefaultResolver.DEFAULT_TTL.minusMillis(1));
        assertThat(run(() -> r.resolve("example.test"))).isEqualTo(first);
        assertThat(run(() -> r.resolve("EXAMPLE.test"))).as("names are case-insensitive").isEqualTo(first);
        assertThat(lookups).as("served from the cache").hasValue(1);
        assertThat(r.toString()).contains("example.test");
    }

    @Test
    void anAnswerExpiresAfterItsTtl() {
        DefaultResolver r = new DefaultResolver(loop, this::answer);
        List<InetAddress> first = run(() -> r.resolve("example.test"));
        loop.advanceBy(DefaultResolver.DEFAULT_TTL);
        List<InetAddress> second = run(() -> r.resolve("example.test"));
        assertThat(lookups).as("looked up again").hasValue(2);
        assertThat(second).isNotEqualTo(first);
        assertThat(run(() -> r.resolve("example.test"))).isEqualTo(second);
        assertThat(lookups).hasValue(2);
    }

    @Test
    void setTtlChangesTheTtlAndForgetsWhatWasCached() {
        DefaultResolver r = new DefaultResolver(loop, this::answer);
        run(() -> r.resolve("example.test"));
        r.setTtl(Duration.ofSeconds(1));
        run(() -> r.resolve("example.test"));
        assertThat(lookups).as("the cache was cleared").hasValue(2);
        loop.advanceBy(Duration.ofMillis(999));
        run(() -> r.resolve("example.test"));
        assertThat(lookups).hasValue(2);
        loop.advanceBy(Duration.ofMillis(1));
        run(() -> r.resolve("example.test"));
        assertThat(lookups).hasValue(3);
        assertThatThrownBy(() -> r.setTtl(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTtlOfZeroTurnsTheCacheOffAndClearForgets() {
        DefaultResolver r = new DefaultResolver(loop, this::answer);
        run(() -> r.resolve("a.test"));
        r.clear();
        run(() -> r.resolve("a.test"));
        assertThat(lookups).hasValue(2);
        r.setTtl(Duration.ZERO);
        run(() -> r.resolve("a.test"));
        run(() -> r.resolve("a.test"));
        assertThat(lookups).hasValue(4);
    }

    @Test
    void failuresAreNotCached() {
        DefaultResolver r = new DefaultResolver(loop, this::answer);
        for (int i = 1; i <= 2; i++) {
            run(() -> {
                assertThatThrownBy(() -> r.resolve("missing.test"))
                        .isInstanceOf(UnknownHostException.class)
                        .hasMessageContaining("missing.test");
            });
            assertThat(lookups).hasValue(i);
        }
    }

    @Test
    void theLoopsResolverIsOnePerLoopAndResolvesLocalhost() {
        DefaultResolver r = DefaultResolver.of(loop);
        assertThat(DefaultResolver.of(loop)).isSameAs(r);
        List<InetAddress> a = run(() -> r.resolve("localhost"));
        assertThat(a).isNotEmpty().allSatisfy(x -> assertThat(x.isLoopbackAddress()).isTrue());
        assertThat(run(() -> r.resolve("localhost"))).isSameAs(a);
    }
}
