package org.m2mkit.grader.sandbox;

/** A child stopped answering: it ran out of time, broke a limit, exited, or wrote garbage to its channel. */
public final class ChildFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public ChildFailure(String message) {
        super(message);
    }
}
