package org.m2mkit.grader.standards.api;

/**
 * One SenML record (RFC 8428) with the fields this lab uses; a field that is absent is null.
 *
 * @param bn base name, on the first record only
 * @param bt base time in seconds since 1970, on the first record only
 * @param n  name
 * @param u  unit
 * @param v  numeric value
 * @param vb boolean value
 */
public record SenmlRecord(String bn, Double bt, String n, String u, Double v, Boolean vb) {
    /** A record with a name, a unit and a numeric value. */
    public static SenmlRecord value(String n, String u, double v) {
        return new SenmlRecord(null, null, n, u, v, null);
    }

    /** A record with a name and a boolean value. */
    public static SenmlRecord bool(String n, boolean vb) {
        return new SenmlRecord(null, null, n, null, null, vb);
    }

    /** This record with a base name and a base time. */
    public SenmlRecord withBase(String baseName, double baseTimeSeconds) {
        return new SenmlRecord(baseName, baseTimeSeconds, n, u, v, vb);
    }
}
