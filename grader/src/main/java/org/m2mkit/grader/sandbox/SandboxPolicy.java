package org.m2mkit.grader.sandbox;

import java.util.Locale;

/** Which sandbox the kit runs student code in: the {@code sandbox} setting. */
public enum SandboxPolicy {
    /**
     * Bubblewrap or nothing (the default): where bubblewrap is missing or cannot make its namespaces, student code
     * is not run at all, and every attempt answers with how to install it.
     */
    BWRAP,
    /**
     * A plain child JVM with resource limits but no file-system or network isolation, chosen by name by an operator
     * who runs only code they trust (their own tests, a single-user laptop). Unsafe for a class.
     */
    PLAIN;

    /** The setting's value as written in the configuration. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the setting accepts, in words, for the error that refuses another value. */
    public static final String ACCEPTED = "bwrap (bubblewrap, the safe default) or plain (no isolation: only for code "
            + "you trust)";

    /** Reads the setting's value; {@code null} for anything else. */
    public static SandboxPolicy parse(String value) {
        for (SandboxPolicy p : values()) {
            if (p.key().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return p;
            }
        }
        return null;
    }
}
