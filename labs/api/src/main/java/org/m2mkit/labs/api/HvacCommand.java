package org.m2mkit.labs.api;

/** A command for one HVAC unit: raise its set point by {@code setpointDeltaC} for {@code durationMs}. */
public record HvacCommand(String deviceId, String eventId, double setpointDeltaC, long durationMs) {}
