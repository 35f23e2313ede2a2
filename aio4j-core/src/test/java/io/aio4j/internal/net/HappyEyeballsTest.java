package io.aio4j.internal.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link HappyEyeballs#interleave}: the order in which addresses are tried, RFC 8305 §4 with a
 * "First Address Family Count" of one: the family of the resolver's first address first, then the
 * families alternate, each keeping the resolver's order. The race itself runs over sockets in
 * {@code io.aio4j.net.ConnectTest}.
 */
class HappyEyeballsTest {
    static SocketAddress a(String literal) throws UnknownHostException {
        return new InetSocketAddress(InetAddress.getByName(literal), 443);
    }

    @Test
    void familiesAlternateStartingWithTheFirstAddresssFamily() throws UnknownHostException {
        assertThat(HappyEyeballs.interleave(List.of(a("2001:db8::1"), a("2001:db8::2"), a("192.0.2.1"), a("192.0.2.2"))))
                .containsExactly(a("2001:db8::1"), a("192.0.2.1"), a("2001:db8::2"), a("192.0.2.2"));
        assertThat(HappyEyeballs.interleave(List.of(a("192.0.2.1"), a("192.0.2.2"), a("2001:db8::1"))))
                .containsExactly(a("192.0.2.1"), a("2001:db8::1"), a("192.0.2.2"));
    }

    @Test
    void whenOneFamilyRunsOutTheOtherFollowsInItsOrder() throws UnknownHostException {
        assertThat(HappyEyeballs.interleave(List.of(a("192.0.2.1"), a("2001:db8::1"), a("2001:db8::2"), a("2001:db8::3"))))
                .containsExactly(a("192.0.2.1"), a("2001:db8::1"), a("2001:db8::2"), a("2001:db8::3"));
    }

    @Test
    void oneFamilyKeepsTheResolversOrder() throws UnknownHostException {
        List<SocketAddress> v4 = List.of(a("192.0.2.3"), a("192.0.2.1"), a("192.0.2.2"));
        assertThat(HappyEyeballs.interleave(v4)).isEqualTo(v4);
        assertThat(HappyEyeballs.interleave(List.of(a("::1")))).containsExactly(a("::1"));
    }

    @Test
    void anIpv4MappedAddressCountsAsIpv4() throws UnknownHostException {
        // The JDK turns ::ffff:a.b.c.d into an Inet4Address: it is tried as the IPv4 it is.
        assertThat(HappyEyeballs.interleave(List.of(a("2001:db8::1"), a("2001:db8::2"), a("::ffff:192.0.2.1"))))
                .containsExactly(a("2001:db8::1"), a("192.0.2.1"), a("2001:db8::2"));
    }
}
