package org.m2mkit.content;

/** The chapter's files are missing or malformed; the message names the file and what is wrong. */
public class ContentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ContentException(String message) {
        super(message);
    }

    public ContentException(String message, Throwable cause) {
        super(message, cause);
    }
}
