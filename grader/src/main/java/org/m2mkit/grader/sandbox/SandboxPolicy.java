package org.m2mkit.grader.sandbox;

/** Which sandbox mode the grader may use. */
public enum SandboxPolicy {
    /** Bubblewrap where it works, else the plain mode, with a warning in the log. */
    AUTO,
    /** Bubblewrap or nothing: the grader refuses to start without it. */
    REQUIRE_BWRAP,
    /** The plain mode even where bubblewrap exists (for testing that mode). */
    PLAIN
}
