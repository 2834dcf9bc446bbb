package org.m2mkit.labs.compare;

import java.util.Locale;
import java.util.Map;
import org.m2mkit.labs.net.NetworkProfile;

/** Protocol figures in words, one line, for the timeline and the command line. */
public final class Figures {

    private Figures() {
    }

    /**
     * For instance {@code LwM2M / CoAP / SenML-CBOR, cycle 2: 9 messages, 13 packets, 412 bytes (776 with IP/UDP
     * headers); a reading 31 bytes; on air at NB-IoT 238.8 ms, LTE-M 6.2 ms; steps ALERT 100 ms, ...}.
     */
    public static String describe(ProtocolFigures f, NetworkProfile measuredOn) {
        StringBuilder s = new StringBuilder(f.protocol().label());
        s.append(f.cycle() > 0 ? ", cycle " + f.cycle() : ", every poll so far").append(": ")
                .append(f.messages()).append(" messages, ").append(f.packets()).append(" packets, ")
                .append(f.bytes()).append(" bytes (").append(f.bytesWithHeaders()).append(" with IP/")
                .append(f.protocol() == WireProtocol.LWM2M ? "UDP" : "TCP").append(" headers)");
        if (f.readingBytes() >= 0) {
            s.append("; a reading ").append(f.readingBytes()).append(" bytes");
        }
        s.append(String.format(Locale.ROOT, "; on air at NB-IoT %.1f ms, LTE-M %.1f ms",
                f.airtimeMs().getOrDefault("nb-iot", 0.0), f.airtimeMs().getOrDefault("lte-m", 0.0)));
        if (!f.stepMs().isEmpty()) {
            s.append("; steps on ").append(measuredOn.label()).append(':');
            for (Map.Entry<String, Long> e : f.stepMs().entrySet()) {
                if (!e.getKey().equals("SPIKE")) {
                    s.append(' ').append(e.getKey()).append(' ').append(e.getValue()).append(" ms");
                }
            }
        }
        return s.toString();
    }
}
