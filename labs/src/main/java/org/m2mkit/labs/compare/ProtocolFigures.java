package org.m2mkit.labs.compare;

import java.util.Map;

/**
 * One protocol's figures for one cycle of a run (or, for Modbus polling, for the polls the cycle needed).
 *
 * @param protocol        which protocol
 * @param cycle           the cycle's number; 0 for Modbus polling outside any cycle
 * @param messages        application messages (an MQTT PUBLISH counted once, a CoAP request or notification, a
 *                        Modbus request)
 * @param packets         packets on the wire: for MQTT each PUBLISH twice (to the broker, from it) and each PUBACK;
 *                        for CoAP every datagram, acknowledgements included; for Modbus request and response
 * @param bytes           bytes at the protocol's layer ({@link WireProtocol#counted()})
 * @param bytesWithHeaders the same plus the IPv4 and TCP or UDP headers of each packet
 *                        ({@link WireProtocol#transportOverheadBytes()})
 * @param readingBytes    what one meter reading costs: an MQTT PUBLISH to the broker and from it with their
 *                        PUBACKs, one CoAP notification, or one poll (request and response); -1 when not seen
 * @param stepMs          ms from the spike to each step of the figure, by step name; empty for Modbus polling
 * @param airtimeMs       time on air of the packets at each network profile's bandwidth, headers included, by
 *                        profile key (nb-iot, lte-m, ...)
 */
public record ProtocolFigures(WireProtocol protocol, int cycle, int messages, int packets, long bytes,
                              long bytesWithHeaders, int readingBytes, Map<String, Long> stepMs,
                              Map<String, Double> airtimeMs) {
}
