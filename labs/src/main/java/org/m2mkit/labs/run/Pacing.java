package org.m2mkit.labs.run;

/**
 * The waits that make a paced run follow the figure. Each is counted from a time the message itself carries (the
 * reading's, the alert's, the report's period end, the event's or the command's issue time), so lags do not add up
 * from step to step. In a fast run every wait is zero. A slow network makes a step later than the figure, never
 * earlier.
 *
 * @param fieldMs    reading (t=0) to alert at the gateway
 * @param reportMs   alert to report at the cloud
 * @param analysisMs report to prediction
 * @param commandMs  event issued to command at the HVAC
 * @param confirmMs  command issued to confirmation at the gateway
 */
public record Pacing(long fieldMs, long reportMs, long analysisMs, long commandMs, long confirmMs) {

    public static final Pacing FIGURE = new Pacing(100, 500, 500, 500, 500);
    public static final Pacing NONE = new Pacing(0, 0, 0, 0, 0);

    public static Pacing of(Mode mode) {
        return mode == Mode.PACED ? FIGURE : NONE;
    }

    /** Lateness up to which a step still carries the figure's time: a busy thread, not a slow network. */
    static final long STAMP_TOLERANCE_MS = 1000;

    /**
     * The time to stamp on a step planned for {@code plannedMs} and done at {@code nowMs}: the planned time when
     * the step is only a little late (so that the next steps are not late too), else the real time. Zero planned
     * time (fast runs) means the real time.
     */
    public static long stamp(long plannedMs, long nowMs) {
        return plannedMs > 0 && nowMs >= plannedMs && nowMs - plannedMs < STAMP_TOLERANCE_MS ? plannedMs : nowMs;
    }

    /** How long to wait now to act {@code offsetMs} after {@code anchorMs}; zero when that time is past. */
    public static long waitMs(long anchorMs, long offsetMs) {
        return offsetMs <= 0 ? 0 : Math.max(0, anchorMs + offsetMs - System.currentTimeMillis());
    }
}
