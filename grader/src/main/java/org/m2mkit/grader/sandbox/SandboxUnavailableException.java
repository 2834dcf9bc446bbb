package org.m2mkit.grader.sandbox;

/** No isolating sandbox works here and the plain mode was not chosen: the message says what to install. */
public final class SandboxUnavailableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public SandboxUnavailableException(String message) {
        super(message);
    }
}
