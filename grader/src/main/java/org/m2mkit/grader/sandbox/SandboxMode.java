package org.m2mkit.grader.sandbox;

/** How strongly a child is confined. */
public enum SandboxMode {
    /** Under bubblewrap: own network, PID and mount namespaces, read-only JDK and class path, a writable scratch directory. */
    BWRAP("bubblewrap: no network, read-only system, writable scratch directory only"),
    /** A plain child JVM with resource limits but no file-system or network isolation. */
    PLAIN("plain child JVM: resource limits only, NO network or file-system isolation (install bubblewrap)");

    private final String description;

    SandboxMode(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
