package org.m2mkit.grader.sandbox;

/**
 * A child stopped answering: it ran out of time, broke a limit, exited, or wrote garbage to its channel; or a
 * case was not run at all because the grading had already spent what it may on earlier ones.
 */
public final class ChildFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean notRun;
    private final boolean timedOut;

    public ChildFailure(String message) {
        this(message, false, false);
    }

    private ChildFailure(String message, boolean notRun, boolean timedOut) {
        super(message);
        this.notRun = notRun;
        this.timedOut = timedOut;
    }

    /** The case was not started; {@code why} begins with "not run". */
    static ChildFailure notRun(String why) {
        return new ChildFailure(why, true, false);
    }

    /** The case ran past its time limit and its child was killed. */
    static ChildFailure timedOut(String why) {
        return new ChildFailure(why, false, true);
    }

    public boolean timedOut() {
        return timedOut;
    }

    /** What the student reads on the case: "stopped: ..." for a child that was stopped, else the reason itself. */
    public String verdict() {
        return notRun ? getMessage() : "stopped: " + getMessage();
    }
}
