package org.m2mkit.labs.api;

import java.util.List;
import java.util.Set;

/**
 * What a gateway is told when it starts. Never null; its collections are unmodifiable and hold distinct,
 * non-null values.
 *
 * @param areaId            the area this gateway serves
 * @param meterIds          the meters of the area
 * @param hvacUnits         the HVAC units of the area it may command
 * @param spikeThresholdKw  a reading at or above this raises an alert
 * @param alertCooldownMs   minimum time between two alerts of the same meter
 * @param silentAfterMs     a meter not heard from for this long counts as silent
 */
public record GatewayConfig(String areaId, Set<String> meterIds, List<HvacUnit> hvacUnits,
                            double spikeThresholdKw, long alertCooldownMs, long silentAfterMs) {}
