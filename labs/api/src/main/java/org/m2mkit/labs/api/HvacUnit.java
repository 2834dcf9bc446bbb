package org.m2mkit.labs.api;

/**
 * An HVAC unit the gateway can command.
 *
 * @param deviceId          the unit's id
 * @param shedKwPerDegreeC  how many kilowatts the unit sheds per degree Celsius of set-point increase
 */
public record HvacUnit(String deviceId, double shedKwPerDegreeC) {}
