package org.m2mkit.labs.run;

/** Where the lab's components report what they do; the run turns it into timeline entries and cycles. */
public interface Recorder {

    /**
     * A step of the cycle happened at {@code where}.
     *
     * @param key links the step to its cycle: the meter id for a spike or alert, the report's period end for a
     *            report, the report's period end for a prediction, the event id for a command, an HVAC action or
     *            a confirmation
     * @param event the demand-response event id once there is one (prediction onwards), else null
     */
    default void milestone(Milestone milestone, String where, String key, String event, String detail) {
        milestone(milestone, where, key, event, detail, System.currentTimeMillis());
    }

    /** As above, at a given time (ms since the epoch): a spike happens at its reading's timestamp. */
    void milestone(Milestone milestone, String where, String key, String event, String detail, long atMs);

    /** Something went wrong that the run survives (a student gateway that threw, a malformed message). */
    void error(String where, String detail);

    /** Something worth seeing on the timeline (uplink down, queue delivered, event ended). */
    void note(String where, String detail);

    /** Records nothing. */
    Recorder NONE = new Recorder() {
        @Override
        public void milestone(Milestone milestone, String where, String key, String event, String detail, long atMs) {
        }

        @Override
        public void error(String where, String detail) {
        }

        @Override
        public void note(String where, String detail) {
        }
    };
}
