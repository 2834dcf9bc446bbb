package org.m2mkit.labs.api;

/**
 * A demand-response event from the utility cloud (OpenADR style), delivered at least once.
 *
 * @param eventId         unique id of the event; duplicates are the same event
 * @param areaId          the area asked to shed load
 * @param reduceKw        kilowatts to shed (0 or less: every unit takes part)
 * @param setpointDeltaC  how many degrees Celsius to raise the cooling set point
 * @param durationMs      how long the event lasts
 */
public record DemandResponse(String eventId, String areaId, double reduceKw,
                             double setpointDeltaC, long durationMs) {}
