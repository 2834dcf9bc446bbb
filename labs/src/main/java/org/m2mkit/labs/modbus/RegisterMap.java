package org.m2mkit.labs.modbus;

/**
 * The legacy meter's input registers (function code 04, unit id 1, 0-based), as the standards lab's contract fixes
 * them:
 *
 * <pre>
 * 0-1  active power, W        float32, word order per meter model (ABCD or CDAB)
 * 2-3  energy imported, Wh    uint32, high word first
 * 4    voltage                uint16, tenths of a volt (2301 = 230.1 V)
 * 5    status                 bit 0 supply on, bit 1 tamper alarm, other bits 0
 * </pre>
 */
public final class RegisterMap {

    public static final int UNIT_ID = 1;
    public static final int FIRST = 0;
    public static final int COUNT = 6;
    public static final int SUPPLY_ON = 1;
    public static final int TAMPER = 2;

    private RegisterMap() {
    }

    /** One reading as the registers hold it. */
    public record Reading(double watts, long wattHours, double volts, boolean supplyOn, boolean tamper) {
    }

    /** The six registers of {@code r} for a meter of word order {@code order}. */
    public static int[] encode(Reading r, WordOrder order) {
        int[] power = order.split((float) r.watts());
        long wh = r.wattHours() & 0xFFFF_FFFFL;
        int status = (r.supplyOn() ? SUPPLY_ON : 0) | (r.tamper() ? TAMPER : 0);
        return new int[] {power[0], power[1], (int) (wh >>> 16), (int) (wh & 0xFFFF),
            (int) Math.round(r.volts() * 10) & 0xFFFF, status};
    }

    /** Reads six registers of a meter of word order {@code order}. */
    public static Reading decode(int[] registers, WordOrder order) {
        if (registers.length != COUNT) {
            throw new IllegalArgumentException("a legacy meter reading is " + COUNT + " registers, not "
                    + registers.length);
        }
        double watts = order.join(registers[0], registers[1]);
        long wh = ((long) (registers[2] & 0xFFFF) << 16) | (registers[3] & 0xFFFF);
        return new Reading(watts, wh, (registers[4] & 0xFFFF) / 10.0, (registers[5] & SUPPLY_ON) != 0,
                (registers[5] & TAMPER) != 0);
    }
}
