package org.m2mkit.grader.jshell;

/** Every JShell engine the server may run is in use, or none could be started; the message says what to do. */
public final class JShellBusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JShellBusyException(String message) {
        super(message);
    }
}
