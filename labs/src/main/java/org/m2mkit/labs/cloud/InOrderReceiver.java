package org.m2mkit.labs.cloud;

/**
 * The cloud's end of a gateway's sequenced uplink: takes each message once and in order, whatever was resent.
 * A message from a new epoch (the gateway restarted) starts the stream anew; when the gateway says its oldest
 * message is beyond what was expected, the ones before were dropped from its full queue and are counted lost.
 */
public final class InOrderReceiver {

    /** What to do with a message. */
    public enum Verdict { DELIVER, DUPLICATE, GAP }

    private String epoch;
    private long expected = 1;
    private long lost;
    private long duplicates;

    /**
     * @param base the oldest sequence number the sender still holds
     */
    public synchronized Verdict accept(String epoch, long seq, long base) {
        if (!epoch.equals(this.epoch)) {
            this.epoch = epoch;
            expected = base;
        }
        if (base > expected) {
            lost += base - expected;
            expected = base;
        }
        if (seq == expected) {
            expected++;
            return Verdict.DELIVER;
        }
        if (seq < expected) {
            duplicates++;
            return Verdict.DUPLICATE;
        }
        return Verdict.GAP;
    }

    /** The highest sequence number such that it and all before it arrived. */
    public synchronized long acknowledged() {
        return expected - 1;
    }

    public synchronized String epoch() {
        return epoch;
    }

    public synchronized long lost() {
        return lost;
    }

    public synchronized long duplicates() {
        return duplicates;
    }
}
