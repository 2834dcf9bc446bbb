package org.m2mkit.web.jshell;

/** A refusal of the JShell API: an HTTP status and one clear sentence for the page to show. */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final long retryAfterSeconds;

    ApiError(int status, String code, String message) {
        this(status, code, message, 0);
    }

    ApiError(int status, String code, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
