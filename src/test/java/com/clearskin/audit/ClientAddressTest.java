package com.clearskin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    static final Set<String> PROXIES = Set.of("10.0.0.1", "10.0.0.2");

    @Test
    void withoutTrustedProxiesTheForwardedHeaderIsIgnored() {
        assertThat(ClientAddress.resolve("198.51.100.7", "203.0.113.9", Set.of())).isEqualTo("198.51.100.7");
    }

    @Test
    void aPeerThatIsNoTrustedProxyCannotClaimAnotherAddress() {
        assertThat(ClientAddress.resolve("198.51.100.7", "203.0.113.9", PROXIES)).isEqualTo("198.51.100.7");
    }

    @Test
    void behindATrustedProxyTheClientIsTheForwardedAddress() {
        assertThat(ClientAddress.resolve("10.0.0.1", "203.0.113.9", PROXIES)).isEqualTo("203.0.113.9");
    }

    @Test
    void theRightMostUntrustedHopIsTheClientSoASpoofedFirstEntryIsIgnored() {
        assertThat(ClientAddress.resolve("10.0.0.1", "1.2.3.4, 203.0.113.9, 10.0.0.2", PROXIES))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void aMalformedHeaderKeepsThePeer() {
        assertThat(ClientAddress.resolve("10.0.0.1", "<script>", PROXIES)).isEqualTo("10.0.0.1");
        assertThat(ClientAddress.resolve("10.0.0.1", "  ", PROXIES)).isEqualTo("10.0.0.1");
        assertThat(ClientAddress.resolve("10.0.0.1", null, PROXIES)).isEqualTo("10.0.0.1");
    }

    @Test
    void ipv6LiteralsAreAddresses() {
        assertThat(ClientAddress.resolve("10.0.0.1", "2001:db8::1", PROXIES)).isEqualTo("2001:db8::1");
        assertThat(ClientAddress.looksLikeAddress("example.com")).isFalse();
    }

    @Test
    void onlyProxiesAllTheWayKeepThePeer() {
        assertThat(ClientAddress.resolve("10.0.0.1", "10.0.0.2", PROXIES)).isEqualTo("10.0.0.1");
    }
}
