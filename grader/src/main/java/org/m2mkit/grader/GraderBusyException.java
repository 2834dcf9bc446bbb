package org.m2mkit.grader;

/** The grader's queue is full; the submission was not taken and may be sent again later. */
public final class GraderBusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GraderBusyException(String message) {
        super(message);
    }
}
