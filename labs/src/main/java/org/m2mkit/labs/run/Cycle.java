package org.m2mkit.labs.run;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One autonomous cycle of a run, from a meter's spike to the HVAC confirmation: when each step happened.
 *
 * @param number        the cycle's number in the run, from 1
 * @param meterId       the meter that spiked
 * @param spikeMs       t=0: the spike reading's time (ms since the epoch)
 * @param at            when each step happened (ms since the epoch)
 * @param eventId       the demand-response event of the cycle, once issued
 * @param confirmation  the HVAC confirmation in words, for instance "hvac-1: reduced to 74 °F (23.1 °C = 73.6 °F)"
 */
public record Cycle(int number, String meterId, long spikeMs, Map<Milestone, Long> at, String eventId,
                    String confirmation) {

    public Cycle {
        at = Collections.unmodifiableMap(at.isEmpty() ? new EnumMap<>(Milestone.class) : new EnumMap<>(at));
    }

    /** Milliseconds from the spike to {@code m}, or -1 when it has not happened. */
    public long offsetMs(Milestone m) {
        Long t = at.get(m);
        return t == null ? -1 : t - spikeMs;
    }

    public boolean complete() {
        return at.containsKey(Milestone.CONFIRMATION);
    }

    /** Spike to confirmation, ms; -1 while incomplete. */
    public long cycleMs() {
        return offsetMs(Milestone.CONFIRMATION);
    }
}
