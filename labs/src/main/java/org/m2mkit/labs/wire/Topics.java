package org.m2mkit.labs.wire;

import java.util.regex.Pattern;

/**
 * The lab's MQTT topic tree (docs/labs.md). Every topic starts with {@code m2mkit/<area>/}; the next level names
 * the component, the last one the kind of message:
 *
 * <pre>
 * m2mkit/&lt;area&gt;/meter/&lt;meter&gt;/reading   meter   -&gt; gateway  QoS 1  SenML power reading
 * m2mkit/&lt;area&gt;/meter/&lt;meter&gt;/status    meter   -&gt; anyone   QoS 1  retained online/offline (last will)
 * m2mkit/&lt;area&gt;/gateway/alert            gateway -&gt; cloud    QoS 1  spike alert (sequenced)
 * m2mkit/&lt;area&gt;/gateway/report           gateway -&gt; cloud    QoS 1  area demand report (sequenced)
 * m2mkit/&lt;area&gt;/gateway/optin            gateway -&gt; cloud    QoS 1  demand-response opt-in (sequenced)
 * m2mkit/&lt;area&gt;/gateway/status           gateway -&gt; anyone   QoS 1  retained online/offline (last will)
 * m2mkit/&lt;area&gt;/cloud/dr                 cloud   -&gt; gateway  QoS 1  demand-response event
 * m2mkit/&lt;area&gt;/cloud/ack                cloud   -&gt; gateway  QoS 1  receipt of the gateway's sequenced messages
 * m2mkit/&lt;area&gt;/cloud/status             cloud   -&gt; anyone   QoS 1  retained online/offline (last will)
 * m2mkit/&lt;area&gt;/hvac/&lt;unit&gt;/command     gateway -&gt; HVAC     QoS 1  new set point for an event
 * m2mkit/&lt;area&gt;/hvac/&lt;unit&gt;/confirm     HVAC    -&gt; gateway  QoS 1  the set point it reached, in °C and °F
 * m2mkit/&lt;area&gt;/hvac/&lt;unit&gt;/status      HVAC    -&gt; anyone   QoS 1  retained state (last will: offline)
 * </pre>
 */
public final class Topics {

    public static final String ROOT = "m2mkit";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");

    private Topics() {
    }

    /** Whether {@code id} can be an area, meter or device id: letters, digits, {@code - _ .}, up to 64. */
    public static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public static String meterReading(String area, String meter) {
        return ROOT + "/" + area + "/meter/" + meter + "/reading";
    }

    public static String meterStatus(String area, String meter) {
        return ROOT + "/" + area + "/meter/" + meter + "/status";
    }

    /** Every meter reading of an area. */
    public static String meterReadings(String area) {
        return ROOT + "/" + area + "/meter/+/reading";
    }

    public static String gateway(String area, String kind) {
        return ROOT + "/" + area + "/gateway/" + kind;
    }

    public static String cloud(String area, String kind) {
        return ROOT + "/" + area + "/cloud/" + kind;
    }

    public static String hvac(String area, String unit, String kind) {
        return ROOT + "/" + area + "/hvac/" + unit + "/" + kind;
    }

    /** Every HVAC unit's messages of one kind in an area. */
    public static String hvacAll(String area, String kind) {
        return ROOT + "/" + area + "/hvac/+/" + kind;
    }

    /** The parts of a lab topic: area, component (meter, gateway, cloud, hvac), device (null for one-of), kind. */
    public record Parsed(String area, String component, String device, String kind) {
    }

    /** Splits a topic of the tree; null when it is not one of the lab's topics. */
    public static Parsed parse(String topic) {
        String[] p = topic.split("/", -1);
        if (p.length < 4 || !p[0].equals(ROOT)) {
            return null;
        }
        if (p.length == 5 && (p[2].equals("meter") || p[2].equals("hvac"))) {
            return new Parsed(p[1], p[2], p[3], p[4]);
        }
        if (p.length == 4 && (p[2].equals("gateway") || p[2].equals("cloud"))) {
            return new Parsed(p[1], p[2], null, p[3]);
        }
        return null;
    }

    public static final String READING = "reading";
    public static final String STATUS = "status";
    public static final String ALERT = "alert";
    public static final String REPORT = "report";
    public static final String OPT_IN = "optin";
    public static final String DR = "dr";
    public static final String ACK = "ack";
    public static final String COMMAND = "command";
    public static final String CONFIRM = "confirm";
}
