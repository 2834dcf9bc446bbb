package org.m2mkit.labs.api;

/**
 * One reading of a smart meter: the active power {@code kw} it measured at {@code timestampMs}.
 *
 * @param meterId     the meter that measured it, for example {@code "meter-07"}
 * @param areaId      the distribution area the meter belongs to
 * @param timestampMs when it was measured, in milliseconds since the epoch (or since the lab started)
 * @param kw          active power in kilowatts
 */
public record MeterReading(String meterId, String areaId, long timestampMs, double kw) {}
