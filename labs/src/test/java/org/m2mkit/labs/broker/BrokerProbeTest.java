package org.m2mkit.labs.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.m2mkit.labs.UserError;

class BrokerProbeTest {

    @Test
    void reachesARunningBrokerAndNotAStoppedOne() {
        String url;
        try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0)) {
            url = broker.url();
            assertThat(BrokerProbe.reachable(url, Duration.ofSeconds(2))).isTrue();
        }
        assertThat(BrokerProbe.reachable(url, Duration.ofMillis(500))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:1883", "http://host:1883", "tcp://host", "tcp://:1883", "tcp://h:99999",
        "tcp://h:1883/path", ""})
    void malformedUrlsAreUserErrors(String url) {
        assertThatThrownBy(() -> BrokerProbe.reachable(url, Duration.ofSeconds(1)))
                .isInstanceOf(UserError.class)
                .hasMessage("broker URL '" + url + "' is not valid; use tcp://host:port or ssl://host:port");
    }

    @Test
    void acceptsTcpAndSsl() {
        assertThat(BrokerUrl.parse("tcp://127.0.0.1:1883")).isEqualTo(new BrokerUrl("tcp", "127.0.0.1", 1883));
        assertThat(BrokerUrl.parse("SSL://broker.example:8883").toString()).isEqualTo("ssl://broker.example:8883");
    }
}
