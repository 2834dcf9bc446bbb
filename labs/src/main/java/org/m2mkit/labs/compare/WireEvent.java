package org.m2mkit.labs.compare;

/**
 * One packet seen on the wire.
 *
 * @param protocol  which stack sent it
 * @param atMs      when it was seen (ms since the epoch)
 * @param from      who sent it (a meter, the gateway, the LwM2M server, an HVAC unit, the broker)
 * @param to        who it is for
 * @param kind      what it is, for instance {@code PUBLISH}, {@code PUBACK}, {@code CON POST /rd},
 *                  {@code NON 2.05 notify}, {@code read input registers (04)}
 * @param bytes     its size at the protocol's layer ({@link WireProtocol#counted()})
 * @param about     the field device (meter or HVAC unit) the packet is about, also on the broker's hop; null when
 *                  it is about no device
 */
public record WireEvent(WireProtocol protocol, long atMs, String from, String to, String kind, int bytes,
                        String about) {
}
