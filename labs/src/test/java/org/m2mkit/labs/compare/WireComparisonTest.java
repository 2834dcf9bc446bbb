package org.m2mkit.labs.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WireComparisonTest {

    @Test
    void publishSizesFollowMqtt311sRemainingLengthRules() {
        // topic "a/b" (3) + 2 length bytes + 2 packet id + 10 payload = 17 remaining: 1 + 1 + 17
        assertThat(WireComparison.publishBytes("a/b", 10)).isEqualTo(19);
        // 127 remaining still takes one length byte, 128 takes two
        assertThat(WireComparison.publishBytes("a/b", 120)).isEqualTo(1 + 1 + 127);
        assertThat(WireComparison.publishBytes("a/b", 121)).isEqualTo(1 + 2 + 128);
        // 16,384 remaining takes three
        assertThat(WireComparison.publishBytes("a/b", 16_384 - 7)).isEqualTo(1 + 3 + 16_384);
        // topics count in UTF-8 bytes
        assertThat(WireComparison.publishBytes("°", 0)).isEqualTo(1 + 1 + 2 + 2 + 2);
    }

    @Test
    void aCycleCountsItsOwnPacketsAndTheSpikingMetersUpToTheAlert() {
        WireLog log = new WireLog(100);
        Set<String> meters = Set.of("meter-01", "meter-02");
        WireComparison.recordPublish(log, 1000, "meter-01", "gateway", "reading", "t/r", 100, "meter-01");
        WireComparison.recordPublish(log, 1001, "meter-02", "gateway", "reading", "t/r", 100, "meter-02");
        WireComparison.recordPublish(log, 1100, "gateway", "cloud", "alert", "t/a", 50, null);
        WireComparison.recordPublish(log, 1200, "hvac-1", "", "status", "t/s", 20, "hvac-1");
        WireComparison.recordPublish(log, 1900, "meter-01", "gateway", "reading", "t/r", 100, "meter-01");

        ProtocolFigures f = WireComparison.cycle(log, WireProtocol.MQTT, 3, "meter-01", 1000, 1100, 2000, meters,
                Map.of("ALERT", 100L));
        int reading = WireComparison.publishBytes("t/r", 100);
        int alert = WireComparison.publishBytes("t/a", 50);
        int status = WireComparison.publishBytes("t/s", 20);
        assertThat(f.messages()).isEqualTo(3); // the spike reading, the alert, the retained status
        assertThat(f.packets()).isEqualTo(4 + 4 + 2);
        assertThat(f.bytes()).isEqualTo(2L * (reading + 4) + 2L * (alert + 4) + status + 4);
        assertThat(f.bytesWithHeaders()).isEqualTo(f.bytes() + 40L * f.packets());
        assertThat(f.readingBytes()).isEqualTo(2 * (reading + 4));
        assertThat(f.airtimeMs().get("nb-iot")).isEqualTo(f.bytesWithHeaders() * 8.0 / 26);
    }

    @Test
    void coapAcknowledgementsArePacketsButNotMessages() {
        List<WireEvent> packets = List.of(
                new WireEvent(WireProtocol.LWM2M, 1, "meter-01", "lwm2m-server", "CON 2.05 notify", 40, "meter-01"),
                new WireEvent(WireProtocol.LWM2M, 2, "lwm2m-server", "meter-01", "ACK", 4, "meter-01"),
                new WireEvent(WireProtocol.LWM2M, 3, "lwm2m-server", "hvac-1", "CON PUT /3308/0/5900", 30, "hvac-1"),
                new WireEvent(WireProtocol.LWM2M, 4, "hvac-1", "lwm2m-server", "ACK 2.04", 6, "hvac-1"));
        ProtocolFigures f = WireComparison.figures(WireProtocol.LWM2M, 1, packets, 40, Map.of());
        assertThat(f.messages()).isEqualTo(2);
        assertThat(f.packets()).isEqualTo(4);
        assertThat(f.bytes()).isEqualTo(80);
        assertThat(f.bytesWithHeaders()).isEqualTo(80 + 4 * 28);
    }
}
