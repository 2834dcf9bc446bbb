package org.m2mkit.labs.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One SenML record as it appears in JSON (RFC 8428, section 4): base fields ({@code bn bt bu bv bs bver}) and
 * regular fields ({@code n u v vs vb vd s t ut}). Absent fields are null and left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = false)
public record SenmlRecord(String bn, Double bt, String bu, Double bv, Double bs, Integer bver,
                          String n, String u, Double v, String vs, Boolean vb, String vd,
                          Double s, Double t, Double ut) {

    /** A record with a name and a numeric value in a unit. */
    public static SenmlRecord value(String name, String unit, double value) {
        return new SenmlRecord(null, null, null, null, null, null, name, unit, value, null, null, null, null, null, null);
    }

    /** A record with a name and a string value. */
    public static SenmlRecord string(String name, String value) {
        return new SenmlRecord(null, null, null, null, null, null, name, null, null, value, null, null, null, null, null);
    }

    /** This record with base name and base time set (for the first record of a pack). */
    public SenmlRecord withBase(String baseName, double baseTimeSeconds) {
        return new SenmlRecord(baseName, baseTimeSeconds, bu, bv, bs, bver, n, u, v, vs, vb, vd, s, t, ut);
    }
}
