package org.m2mkit.grader;

import org.m2mkit.labs.UserError;

/** A submission that cannot be read (bad zip, too large, no Java files); the message says what is accepted. */
public final class InvalidSubmissionException extends UserError {
    private static final long serialVersionUID = 1L;

    public InvalidSubmissionException(String message) {
        super(message);
    }
}
