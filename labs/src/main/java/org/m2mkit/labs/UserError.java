package org.m2mkit.labs;

/**
 * A mistake of the user's (a bad option, file or setting), not a bug of the kit. The launcher prints its
 * message as one line, without a stack trace, and exits with status 2. The message names what was wrong
 * and what would be accepted.
 */
public class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
