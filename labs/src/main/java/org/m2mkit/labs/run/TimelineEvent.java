package org.m2mkit.labs.run;

/**
 * One entry of a run's timeline.
 *
 * @param seq        position in the timeline, from 1
 * @param atMs       wall-clock time, ms since the epoch
 * @param offsetMs   ms since the run started
 * @param kind       message, milestone, error or note
 * @param from       who sent it (a meter, gateway, cloud, HVAC unit) or where it happened
 * @param to         who it is for (empty for notes and retained status)
 * @param topic      the MQTT topic, for messages
 * @param payload    the payload as text, for messages
 * @param size       payload size in bytes, for messages
 * @param milestone  the cycle step, for milestones
 * @param cycle      the cycle's number (from 1), for milestones; 0 otherwise
 * @param cycleMs    ms since the cycle's spike, for milestones; -1 otherwise
 * @param detail     what happened, in words
 */
public record TimelineEvent(long seq, long atMs, long offsetMs, Kind kind, String from, String to, String topic,
                            String payload, int size, Milestone milestone, int cycle, long cycleMs, String detail) {

    /** What an entry records. */
    public enum Kind { MESSAGE, MILESTONE, ERROR, NOTE }
}
