package org.m2mkit.web.lti;

/**
 * A login or launch the kit refuses, with what was wrong in words an instructor can act on. {@code newWindow}, when
 * set, is the kit address that starts the same launch again in a window of its own (for a browser that keeps no
 * cookies inside the platform's frame).
 */
final class LaunchRefused extends RuntimeException {

    private final String title;
    private final String newWindow;

    LaunchRefused(String title, String message) {
        this(title, message, null);
    }

    LaunchRefused(String title, String message, String newWindow) {
        super(message, null, false, false);
        this.title = title;
        this.newWindow = newWindow;
    }

    String title() {
        return title;
    }

    String newWindow() {
        return newWindow;
    }
}
