package org.m2mkit.labs.compare;

/**
 * The protocols the live stack can compare on the wire, and what each counts as one message's size: the bytes
 * the kit can observe honestly at that protocol's layer, without the IP, UDP or TCP headers beneath it.
 */
public enum WireProtocol {
    /** MQTT 3.1.1 control packets (PUBLISH with its fixed header, topic and packet id; PUBACK). Over TCP. */
    MQTT("MQTT / SenML-JSON", "MQTT control packet (fixed header + variable header + payload)", 40),
    /** CoAP messages as sent in one UDP datagram (header, token, options, payload). */
    LWM2M("LwM2M / CoAP / SenML-CBOR", "CoAP message as in the UDP datagram (header + token + options + payload)", 28),
    /** Modbus TCP application data units (MBAP header + PDU). Over TCP. */
    MODBUS("Modbus TCP polling", "Modbus TCP ADU (7-byte MBAP header + PDU)", 40);

    private final String label;
    private final String counted;
    private final int transportOverhead;

    WireProtocol(String label, String counted, int transportOverhead) {
        this.label = label;
        this.counted = counted;
        this.transportOverhead = transportOverhead;
    }

    public String label() {
        return label;
    }

    /** What one message's byte count holds. */
    public String counted() {
        return counted;
    }

    /**
     * The IPv4 and transport headers under each packet, without options: 20 + 8 for UDP, 20 + 20 for TCP. Left
     * out of the counted bytes; the comparison adds them separately as a fixed cost per packet.
     */
    public int transportOverheadBytes() {
        return transportOverhead;
    }
}
