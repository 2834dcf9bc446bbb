package org.m2mkit.grader.standards.api;

/**
 * One poll of a legacy meter: Modbus function 04 (read input registers) from address 0, as the gateway received it.
 *
 * @param area      the area the meter is in, like {@code area-7}
 * @param device    the meter's id, like {@code legacy-3}
 * @param wordOrder how this meter's model orders the two words of its float (from the gateway's configuration)
 * @param timeMs    when the gateway polled, in milliseconds since 1970 (UTC)
 * @param registers the register values as received, each meant to be 0 to 65535; may be null or of any length
 */
public record RegisterBlock(String area, String device, WordOrder wordOrder, long timeMs, int[] registers) {
}
