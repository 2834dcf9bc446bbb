package org.m2mkit.labs.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * SenML JSON (RFC 8428) reading and writing with Jackson, and resolution of a pack into full records: base
 * name + name, base time + time, base value + value, base sum + sum, base unit where the record has none.
 */
public final class Senml {

    /** Version 10 is the RFC's; the base version field is only written for other versions. */
    public static final int VERSION = 10;
    /** Times below 2^28 s are relative to now (RFC 8428, section 4.5.3). */
    private static final double RELATIVE_TIME_LIMIT = 268_435_456d;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9\\-:./_]*");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** A record after resolution: every base field applied. Exactly one of the value fields is non-null. */
    public record Resolved(String name, String unit, Double value, String stringValue, Boolean booleanValue,
                           String dataValue, Double sum, double timeSeconds) {
    }

    /** A pack that is not valid SenML JSON; its message says what is wrong. */
    public static final class SenmlException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        SenmlException(String message) {
            super(message);
        }
    }

    private Senml() {
    }

    public static byte[] encode(List<SenmlRecord> pack) {
        try {
            return JSON.writeValueAsBytes(pack);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("SenML records always serialize", e);
        }
    }

    /** Parses a SenML JSON pack (an array of records). */
    public static List<SenmlRecord> decode(byte[] json) {
        try {
            SenmlRecord[] records = JSON.readValue(json, SenmlRecord[].class);
            if (records == null) {
                throw new SenmlException("a SenML pack is a JSON array of records, not null");
            }
            return List.of(records);
        } catch (SenmlException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new SenmlException("not SenML JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SenmlException("not SenML JSON: " + e.getMessage());
        } catch (NullPointerException e) {
            throw new SenmlException("a SenML pack holds records, not null");
        }
    }

    /**
     * Resolves a pack per RFC 8428 section 4.6.
     *
     * @param nowSeconds the current time, for records whose time is relative (below 2^28)
     */
    public static List<Resolved> resolve(List<SenmlRecord> pack, double nowSeconds) {
        String baseName = "";
        double baseTime = 0;
        String baseUnit = null;
        double baseValue = 0;
        Double baseSum = null;
        List<Resolved> out = new ArrayList<>(pack.size());
        for (SenmlRecord r : pack) {
            if (r == null) {
                throw new SenmlException("a SenML pack holds records, not null");
            }
            if (r.bver() != null && r.bver() > VERSION) {
                throw new SenmlException("SenML version " + r.bver() + " is newer than " + VERSION);
            }
            if (r.bn() != null) {
                baseName = r.bn();
            }
            if (r.bt() != null) {
                baseTime = r.bt();
            }
            if (r.bu() != null) {
                baseUnit = r.bu();
            }
            if (r.bv() != null) {
                baseValue = r.bv();
            }
            if (r.bs() != null) {
                baseSum = r.bs();
            }
            String name = baseName + (r.n() == null ? "" : r.n());
            if (!NAME.matcher(name).matches()) {
                throw new SenmlException("SenML name '" + name + "' is not valid: it starts with a letter or digit "
                        + "and holds only letters, digits and - : . / _");
            }
            int values = (r.v() != null ? 1 : 0) + (r.vs() != null ? 1 : 0) + (r.vb() != null ? 1 : 0)
                    + (r.vd() != null ? 1 : 0);
            boolean hasSum = r.s() != null || baseSum != null;
            if (values > 1 || (values == 0 && !hasSum)) {
                throw new SenmlException("SenML record '" + name + "' must have exactly one value (v, vs, vb or vd)"
                        + (values == 0 ? " or a sum" : ""));
            }
            Double value = r.v() != null ? Double.valueOf(baseValue + r.v()) : null;
            Double sum = r.s() != null ? Double.valueOf((baseSum == null ? 0 : baseSum) + r.s()) : baseSum;
            double time = baseTime + (r.t() == null ? 0 : r.t());
            if (time < RELATIVE_TIME_LIMIT) {
                time = nowSeconds + time;
            }
            String unit = r.u() != null ? r.u() : baseUnit;
            out.add(new Resolved(name, unit, value, r.vs(), r.vb(), r.vd(), sum, time));
        }
        return List.copyOf(out);
    }
}
