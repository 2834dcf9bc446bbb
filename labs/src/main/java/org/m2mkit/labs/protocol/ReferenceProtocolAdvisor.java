package org.m2mkit.labs.protocol;

import java.util.Set;
import org.m2mkit.labs.api.Link;
import org.m2mkit.labs.api.Need;
import org.m2mkit.labs.api.NodeClass;
import org.m2mkit.labs.api.PowerSource;
import org.m2mkit.labs.api.Protocol;
import org.m2mkit.labs.api.ProtocolAdvisor;
import org.m2mkit.labs.api.Recommendation;
import org.m2mkit.labs.api.Scenario;

/**
 * The model solution of the protocol-selection lab (specs/protocol-lab.md): the chapter's protocol and link
 * choices as a short list of rules, checked in order. It never picks 2G or 3G, which are being switched off.
 */
public final class ReferenceProtocolAdvisor implements ProtocolAdvisor {

    @Override
    public Recommendation recommend(Scenario s) {
        if (s == null) {
            return null;
        }
        Set<Need> needs = s.needs() == null ? Set.of() : s.needs();
        Choice<Protocol> protocol = protocol(s, needs);
        Choice<Link> link = link(s, needs);
        return new Recommendation(protocol.value(), link.value(), protocol.why() + "; " + link.why());
    }

    private record Choice<T>(T value, String why) {}

    private static Choice<Protocol> protocol(Scenario s, Set<Need> needs) {
        if (needs.contains(Need.LEGACY_FIELDBUS)) {
            return s.maxLatencyMs() >= 60_000
                    ? new Choice<>(Protocol.DLMS_COSEM, "a meter read at metering intervals of minutes on a legacy bus speaks DLMS/COSEM")
                    : new Choice<>(Protocol.MODBUS, "industrial equipment polled within seconds on a legacy fieldbus speaks Modbus, bridged by a gateway");
        }
        if (needs.contains(Need.CROSS_VENDOR_PLATFORM)) {
            return new Choice<>(Protocol.ONEM2M, "devices of many vendors share one horizontal service layer: oneM2M");
        }
        if ((needs.contains(Need.DEVICE_MANAGEMENT) || needs.contains(Need.FIRMWARE_UPDATES))
                && s.nodeClass() != NodeClass.HIGH_END) {
            return new Choice<>(Protocol.LWM2M, "remote management and firmware updates of constrained devices: LwM2M");
        }
        if (needs.contains(Need.ULTRA_RELIABLE_LOW_LATENCY) || s.maxLatencyMs() < 10) {
            return new Choice<>(Protocol.COAP, "a budget of a few milliseconds leaves no room for a broker hop or TCP set-up: "
                    + "CoAP over UDP, directly between the machines");
        }
        if (!s.ipCapable()) {
            return new Choice<>(Protocol.MQTT, "a non-IP device reaches applications through its gateway or network "
                    + "server, which publishes its data over MQTT");
        }
        if (needs.contains(Need.PUBLISH_SUBSCRIBE)) {
            return s.nodeClass() == NodeClass.HIGH_END && needs.contains(Need.HIGH_THROUGHPUT)
                    ? new Choice<>(Protocol.AMQP, "high-volume queued messaging between back-end systems: AMQP")
                    : new Choice<>(Protocol.MQTT, "many receivers of the same events: publish/subscribe with MQTT");
        }
        if (needs.contains(Need.REQUEST_RESPONSE)) {
            return s.nodeClass() == NodeClass.LOW_END
                    ? new Choice<>(Protocol.COAP, "request/response on a constrained device: CoAP")
                    : new Choice<>(Protocol.HTTP_REST, "request/response on a capable device: HTTP REST");
        }
        return switch (s.nodeClass()) {
            case LOW_END -> new Choice<>(Protocol.COAP, "a constrained device: CoAP's small messages over UDP");
            case MID_END -> new Choice<>(Protocol.MQTT, "a mid-end device reporting data: MQTT");
            case HIGH_END -> new Choice<>(Protocol.HTTP_REST, "a capable device: plain HTTP REST");
        };
    }

    private static Choice<Link> link(Scenario s, Set<Need> needs) {
        if (needs.contains(Need.ULTRA_RELIABLE_LOW_LATENCY) || s.maxLatencyMs() < 10) {
            return new Choice<>(Link.NR_5G, "millisecond, ultra-reliable delivery needs 5G URLLC");
        }
        boolean onSite = !s.mobile() && s.rangeKm() <= 0.1;
        if (needs.contains(Need.LEGACY_FIELDBUS)) {
            return onSite ? new Choice<>(Link.ETHERNET, "the bus gateway sits on the site's wired network")
                    : new Choice<>(Link.LTE_M, "a remote bus gateway uses a long-lived LTE-M cellular link");
        }
        if (onSite) {
            if (s.power() == PowerSource.MAINS) {
                return s.nodeClass() == NodeClass.HIGH_END || needs.contains(Need.HIGH_THROUGHPUT)
                        ? new Choice<>(Link.ETHERNET, "a fixed, mains-powered machine on site: wired Ethernet")
                        : new Choice<>(Link.WIFI, "a mains-powered device in a building: Wi-Fi");
            }
            return new Choice<>(Link.ZIGBEE, "a battery device in a building: a low-power Zigbee mesh");
        }
        if (needs.contains(Need.HIGH_THROUGHPUT)) {
            return new Choice<>(Link.LTE_4G, "megabits over a wide area: LTE");
        }
        if (needs.contains(Need.VOICE)) {
            return new Choice<>(Link.LTE_M, "voice in a low-power device: LTE-M supports VoLTE, NB-IoT does not");
        }
        if (!s.ipCapable()) {
            return s.rangeKm() <= 15
                    ? new Choice<>(Link.LORAWAN, "a non-IP sensor within reach of a gateway: LoRaWAN")
                    : new Choice<>(Link.NB_IOT, "a non-IP device far from any gateway: NB-IoT's non-IP data delivery");
        }
        if (s.mobile()) {
            return s.power() == PowerSource.MAINS
                    ? new Choice<>(Link.LTE_4G, "a moving, vehicle-powered device: LTE with handover")
                    : new Choice<>(Link.LTE_M, "a moving battery device: LTE-M keeps handover and saves power");
        }
        if (needs.contains(Need.DEEP_INDOOR_COVERAGE) || s.maxLatencyMs() >= 10_000) {
            return new Choice<>(Link.NB_IOT, "a fixed device, deep indoors or tolerant of seconds of delay: NB-IoT");
        }
        return new Choice<>(Link.LTE_M, "a fixed wide-area device needing answers within seconds: LTE-M");
    }
}
