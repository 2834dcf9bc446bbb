package org.m2mkit.labs.api;

import java.util.List;

/**
 * The logic of an M2M gateway, free of MQTT, threads and clocks. The lab runtime and the grader call it
 * from one thread at a time. An implementation has a public constructor taking a {@link GatewayConfig}.
 */
public interface Gateway {

    /** Takes one meter reading; returns the alerts it raises (usually none). Never throws for bad input. */
    List<Alert> onReading(MeterReading reading);

    /** Closes the current period at {@code nowMs} and returns its area report. */
    AreaReport report(long nowMs);

    /** Turns a demand-response event into HVAC commands (none when the event is ignored). */
    List<HvacCommand> onDemandResponse(DemandResponse command);
}
