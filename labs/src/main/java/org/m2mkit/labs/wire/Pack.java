package org.m2mkit.labs.wire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A SenML pack about one device: base name {@code urn:m2mkit:<area>:<device>:}, base time, and named fields.
 * Writing adds fields in order; reading resolves the pack and looks fields up by their name after the base name.
 */
public final class Pack {

    private static final String URN = "urn:m2mkit:";

    private final String area;
    private final String device;
    private final long timeMs;
    private final List<SenmlRecord> records;
    private final Map<String, Senml.Resolved> fields;

    private Pack(String area, String device, long timeMs, List<SenmlRecord> records, Map<String, Senml.Resolved> fields) {
        this.area = area;
        this.device = device;
        this.timeMs = timeMs;
        this.records = records;
        this.fields = fields;
    }

    /** Starts a pack about {@code device} of {@code area} at {@code timeMs}. */
    public static Pack of(String area, String device, long timeMs) {
        return new Pack(area, device, timeMs, new ArrayList<>(), Map.of());
    }

    public Pack value(String name, String unit, double value) {
        records.add(SenmlRecord.value(name, unit, value));
        return this;
    }

    /** Adds a boolean field ({@code vb}). */
    public Pack bool(String name, boolean value) {
        records.add(new SenmlRecord(null, null, null, null, null, null, name, null, null, null, value, null, null,
                null, null));
        return this;
    }

    public Pack string(String name, String value) {
        if (value != null) {
            records.add(SenmlRecord.string(name, value));
        }
        return this;
    }

    public byte[] encode() {
        List<SenmlRecord> out = new ArrayList<>(records);
        out.set(0, out.get(0).withBase(URN + area + ":" + device + ":", timeMs / 1000.0));
        return Senml.encode(out);
    }

    /**
     * Reads a pack written by {@link #encode()}.
     *
     * @throws Senml.SenmlException when it is not SenML or its base name is not {@code urn:m2mkit:<area>:<device>:}
     */
    public static Pack decode(byte[] json) {
        List<SenmlRecord> records = Senml.decode(json);
        if (records.isEmpty() || records.get(0).bn() == null) {
            throw new Senml.SenmlException("the first SenML record must carry the base name urn:m2mkit:<area>:<device>:");
        }
        String bn = records.get(0).bn();
        String[] parts = bn.split(":", -1);
        if (!bn.startsWith(URN) || parts.length != 5 || !parts[4].isEmpty()
                || !Topics.validId(parts[2]) || !Topics.validId(parts[3])) {
            throw new Senml.SenmlException("SenML base name '" + bn + "' is not urn:m2mkit:<area>:<device>:");
        }
        List<Senml.Resolved> resolved = Senml.resolve(records, System.currentTimeMillis() / 1000.0);
        Map<String, Senml.Resolved> fields = new HashMap<>();
        for (Senml.Resolved r : resolved) {
            if (r.name().startsWith(bn)) {
                fields.put(r.name().substring(bn.length()), r);
            }
        }
        long time = Math.round(resolved.get(0).timeSeconds() * 1000);
        return new Pack(parts[2], parts[3], time, records, fields);
    }

    public String area() {
        return area;
    }

    public String device() {
        return device;
    }

    public long timeMs() {
        return timeMs;
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    /** The numeric value of field {@code name}, converted from {@code unit}. */
    public double number(String name, String unit) {
        Senml.Resolved r = field(name);
        if (r.value() == null) {
            throw new Senml.SenmlException("SenML field '" + name + "' has no numeric value");
        }
        if (unit != null && !unit.equals(r.unit())) {
            throw new Senml.SenmlException("SenML field '" + name + "' is in '" + r.unit() + "', expected '" + unit + "'");
        }
        return r.value();
    }

    public long integer(String name) {
        return Math.round(number(name, null));
    }

    public String string(String name) {
        Senml.Resolved r = field(name);
        if (r.stringValue() == null) {
            throw new Senml.SenmlException("SenML field '" + name + "' has no string value");
        }
        return r.stringValue();
    }

    /** The boolean value ({@code vb}) of field {@code name}. */
    public boolean bool(String name) {
        Senml.Resolved r = field(name);
        if (r.booleanValue() == null) {
            throw new Senml.SenmlException("SenML field '" + name + "' has no boolean value");
        }
        return r.booleanValue();
    }

    /** The string value of {@code name}, or null when the pack has no such field. */
    public String optionalString(String name) {
        return has(name) ? string(name) : null;
    }

    /** The time of field {@code name}, in milliseconds. */
    public long timeMs(String name) {
        return Math.round(field(name).timeSeconds() * 1000);
    }

    private Senml.Resolved field(String name) {
        Senml.Resolved r = fields.get(name);
        if (r == null) {
            throw new Senml.SenmlException("SenML pack of " + device + " has no field '" + name + "'");
        }
        return r;
    }

    List<SenmlRecord> records() {
        return records;
    }
}
