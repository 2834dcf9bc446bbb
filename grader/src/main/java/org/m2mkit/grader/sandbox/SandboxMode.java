package org.m2mkit.grader.sandbox;

/** How strongly a child is confined, or that no child may run. */
public enum SandboxMode {
    /**
     * Under bubblewrap: own network, PID and mount namespaces, read-only JDK and class path, a size-capped writable
     * scratch directory and tmpfs, and a seccomp filter that refuses to start processes.
     */
    BWRAP("bubblewrap: no network, read-only system, writable scratch directory only"),
    /** A plain child JVM with resource limits but no file-system or network isolation (opted in by name). */
    PLAIN("plain child JVM: resource limits only, NO network or file-system isolation (unsafe for untrusted code)"),
    /** No isolating sandbox works here and the plain mode was not chosen: student code is not run. */
    NONE("none: bubblewrap is missing or does not work here, so student code is not run");

    private final String description;

    SandboxMode(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
