package org.m2mkit.web.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void theForwardedAddressIsBelievedOnlyFromATrustedProxyAndOnlyAsFarAsTheTrustedChainGoes() {
        ClientAddress proxies = ClientAddress.trusting("10.0.0.0/8, 192.168.1.1 ::1");
        assertThat(proxies.of("10.1.2.3", "198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(proxies.of("::1", "198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(proxies.of("10.1.2.3", "1.2.3.4, 198.51.100.7, 192.168.1.1")).isEqualTo("198.51.100.7");
        assertThat(proxies.of("203.0.113.9", "198.51.100.7")).isEqualTo("203.0.113.9");
        assertThat(proxies.of("10.1.2.3", "not-an-address")).isEqualTo("10.1.2.3");
        assertThat(proxies.of("10.1.2.3", null)).isEqualTo("10.1.2.3");
        assertThat(ClientAddress.DIRECT.of("127.0.0.1", "198.51.100.7")).isEqualTo("127.0.0.1");
    }

    @Test
    void anEntryThatIsNotAnAddressOrRangeIsRefusedWithoutLookingItUp() {
        assertThatThrownBy(() -> ClientAddress.trusting("proxy.example")).hasMessageContaining("'proxy.example'");
        assertThatThrownBy(() -> ClientAddress.trusting("10.0.0.0/33")).hasMessageContaining("prefix length");
        assertThat(ClientAddress.trusting(" ")).isSameAs(ClientAddress.DIRECT);
    }
}
