package com.clearskin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void nobodyIsTrustedByDefault() {
        assertThat(TrustedProxies.of(List.of()).asCidrList()).isEmpty();
        assertThat(TrustedProxies.of(List.of(" ", "")).asCidrList()).isEmpty();
        assertThat(TrustedProxies.of(null).networks()).isEmpty();
    }

    @Test
    void anAddressIsANetworkOfOneAndNetworksAreKept() {
        assertThat(TrustedProxies.of(List.of("10.0.0.5", " 10.0.1.0/24", "::1", "[fd00::7]", "fd00::/8")).networks())
                .containsExactly("10.0.0.5/32", "10.0.1.0/24", "0:0:0:0:0:0:0:1/128", "fd00:0:0:0:0:0:0:7/128",
                        "fd00:0:0:0:0:0:0:0/8");
    }

    @Test
    void namesAndMalformedEntriesAreRefusedWithTheirText() {
        assertThatThrownBy(() -> TrustedProxies.of(List.of("proxy.internal"))).hasMessageContaining("'proxy.internal'")
                .hasMessageContaining("CLEARSKIN_TRUSTED_PROXIES");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33"))).hasMessageContaining("prefix length");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("*"))).hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("300.1.1.1"))).hasMessageContaining("not an IP address");
    }
}
