package org.m2mkit.labs.modbus;

import java.util.Locale;
import org.m2mkit.labs.UserError;

/**
 * How a meter model lays a 32-bit float over two 16-bit registers. {@code ABCD} puts the high word first (the
 * order of the float's bytes); {@code CDAB} puts the low word first, which many meters do and which reads as
 * nonsense when a gateway assumes the other order (the trap lesson 07 teaches).
 */
public enum WordOrder {
    ABCD, CDAB;

    /** The two registers of {@code value}, in this order. */
    public int[] split(float value) {
        int bits = Float.floatToIntBits(value);
        int high = bits >>> 16;
        int low = bits & 0xFFFF;
        return this == ABCD ? new int[] {high, low} : new int[] {low, high};
    }

    /** The float that registers {@code first, second} hold in this order. */
    public float join(int first, int second) {
        int high = this == ABCD ? first : second;
        int low = this == ABCD ? second : first;
        return Float.intBitsToFloat((high & 0xFFFF) << 16 | (low & 0xFFFF));
    }

    /** Reads {@code abcd} or {@code cdab}. */
    public static WordOrder parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UserError("word order '" + s + "' is not known; use ABCD (high word first) or CDAB (low word "
                    + "first)");
        }
    }
}
