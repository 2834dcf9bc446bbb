package org.m2mkit.labs.compare;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.m2mkit.labs.net.NetworkProfile;

/**
 * Adds up a cycle's packets per protocol from a {@link WireLog}, and sizes MQTT packets by the MQTT 3.1.1 rules
 * (the kit's clients speak 3.1.1 to the broker, so every size is exact, not sampled).
 */
public final class WireComparison {

    /** An MQTT PUBACK: fixed header (2) and packet id (2). */
    public static final int PUBACK_BYTES = 4;

    private WireComparison() {
    }

    /** The size of an MQTT 3.1.1 PUBLISH at QoS 1: fixed header, topic (length-prefixed), packet id, payload. */
    public static int publishBytes(String topic, int payloadBytes) {
        int remaining = 2 + topic.getBytes(StandardCharsets.UTF_8).length + 2 + payloadBytes;
        int lengthBytes = remaining < 128 ? 1 : remaining < 16_384 ? 2 : remaining < 2_097_152 ? 3 : 4;
        return 1 + lengthBytes + remaining;
    }

    /**
     * Records one QoS 1 message that went from {@code from} through the broker to {@code to} (nobody, for a retained
     * status): its PUBLISH and PUBACK on each hop.
     */
    public static void recordPublish(WireLog log, long atMs, String from, String to, String kind, String topic,
                                     int payloadBytes, String about) {
        int size = publishBytes(topic, payloadBytes);
        log.record(new WireEvent(WireProtocol.MQTT, atMs, from, "broker", "PUBLISH " + kind, size, about));
        log.record(new WireEvent(WireProtocol.MQTT, atMs, "broker", from, "PUBACK " + kind, PUBACK_BYTES, about));
        if (to != null && !to.isEmpty()) {
            log.record(new WireEvent(WireProtocol.MQTT, atMs, "broker", to, "PUBLISH " + kind, size, about));
            log.record(new WireEvent(WireProtocol.MQTT, atMs, to, "broker", "PUBACK " + kind, PUBACK_BYTES, about));
        }
    }

    /**
     * The figures of one cycle: the packets of {@code protocol} from the spike to a little after the confirmation,
     * leaving out other meters' regular readings; the spiking meter's packets count up to the alert only.
     *
     * @param meters  every meter id of the area
     * @param stepMs  ms from the spike to each step
     */
    public static ProtocolFigures cycle(WireLog log, WireProtocol protocol, int number, String spikeMeter,
                                        long spikeMs, long alertMs, long endMs, Set<String> meters,
                                        Map<String, Long> stepMs) {
        List<WireEvent> all = log.between(protocol, spikeMs, endMs);
        List<WireEvent> mine = all.stream().filter(e -> e.about() == null || !meters.contains(e.about())
                || e.about().equals(spikeMeter) && e.atMs() <= alertMs).toList();
        return figures(protocol, number, mine, readingBytes(log, protocol, meters), stepMs);
    }

    /** The figures of a list of packets. */
    public static ProtocolFigures figures(WireProtocol protocol, int number, List<WireEvent> packets, int readingBytes,
                                          Map<String, Long> stepMs) {
        long bytes = 0;
        int messages = 0;
        for (WireEvent e : packets) {
            bytes += e.bytes();
            if (isMessage(e)) {
                messages++;
            }
        }
        long withHeaders = bytes + (long) packets.size() * protocol.transportOverheadBytes();
        Map<String, Double> airtime = new LinkedHashMap<>();
        for (NetworkProfile p : NetworkProfile.all()) {
            if (p.bandwidthKbps() > 0) {
                airtime.put(p.key(), withHeaders * 8.0 / p.bandwidthKbps());
            }
        }
        return new ProtocolFigures(protocol, number, messages, packets.size(), bytes, withHeaders, readingBytes,
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stepMs)),
                java.util.Collections.unmodifiableMap(airtime));
    }

    /** A message, as opposed to an acknowledgement: PUBLISH counted once (on its way to the broker), CoAP non-ACK. */
    private static boolean isMessage(WireEvent e) {
        return switch (e.protocol()) {
            case MQTT -> e.kind().startsWith("PUBLISH") && e.to().equals("broker");
            case LWM2M -> !e.kind().equals("ACK") && !e.kind().startsWith("ACK 2.0") && !e.kind().equals("RST");
            case MODBUS -> e.kind().endsWith("request");
        };
    }

    /** What one regular reading of a meter costs on the wire; -1 when none has been seen. */
    public static int readingBytes(WireLog log, WireProtocol protocol, Set<String> meters) {
        List<WireEvent> events = log.between(protocol, 0, Long.MAX_VALUE);
        for (int i = events.size() - 1; i >= 0; i--) {
            WireEvent e = events.get(i);
            if (e.about() == null || !meters.contains(e.about()) || !meters.contains(e.from())) {
                continue;
            }
            switch (protocol) {
                case MQTT -> {
                    if (e.kind().equals("PUBLISH reading")) {
                        return 2 * (e.bytes() + PUBACK_BYTES);
                    }
                }
                case LWM2M -> {
                    if (e.kind().endsWith("notify")) {
                        return e.bytes();
                    }
                }
                case MODBUS -> {
                    if (e.kind().endsWith("response")) {
                        return e.bytes() + org.m2mkit.labs.modbus.ModbusPoller.REQUEST_ADU;
                    }
                }
            }
        }
        return -1;
    }
}
