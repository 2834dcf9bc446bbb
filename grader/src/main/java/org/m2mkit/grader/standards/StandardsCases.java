package org.m2mkit.grader.standards;

import static org.m2mkit.grader.standards.StandardsRule.BASE_NAME;
import static org.m2mkit.grader.standards.StandardsRule.BASE_TIME;
import static org.m2mkit.grader.standards.StandardsRule.ENERGY;
import static org.m2mkit.grader.standards.StandardsRule.LWM2M;
import static org.m2mkit.grader.standards.StandardsRule.NAMES_UNITS;
import static org.m2mkit.grader.standards.StandardsRule.REJECT;
import static org.m2mkit.grader.standards.StandardsRule.STATUS;
import static org.m2mkit.grader.standards.StandardsRule.VOLTAGE;
import static org.m2mkit.grader.standards.StandardsRule.WORD_ORDER_ABCD;
import static org.m2mkit.grader.standards.StandardsRule.WORD_ORDER_CDAB;
import static org.m2mkit.grader.standards.api.WordOrder.ABCD;
import static org.m2mkit.grader.standards.api.WordOrder.CDAB;

import java.util.List;
import org.m2mkit.grader.standards.api.RegisterBlock;
import org.m2mkit.grader.standards.api.WordOrder;

/**
 * The standards lab's test cases, visible and hidden, one rule each (docs/standards-lab.md). Blocks for rules other
 * than R6 have the supply on and no tamper alarm, so that a mistake in one rule costs that rule's points only.
 */
public final class StandardsCases {
    static final String AREA = "area-7";
    static final String DEVICE = "legacy-3";
    static final long TIME_MS = 1_767_225_600_250L;

    private StandardsCases() {
    }

    public static List<BridgeCase> all() {
        return List.of(
                // R1: short or garbled blocks are refused with a message (10 points)
                visible("1.1", "a block of 5 registers is refused", REJECT, 2, ABCD, 0x44BB, 0x8000, 0, 100, 2301),
                visible("1.2", "a register above 65535 is refused", REJECT, 2, ABCD, 0x44BB, 0x8000, 0, 100, 70_000, 1),
                hidden("1.3", "a block of 7 registers is refused", REJECT, 1.5, ABCD, 0x44BB, 0x8000, 0, 100, 2301, 1, 0),
                hidden("1.4", "a negative register value is refused", REJECT, 1.5, CDAB, 0x8000, 0x44BB, -1, 100, 2301, 1),
                hidden("1.5", "reserved status bits are refused", REJECT, 1.5, ABCD, 0x44BB, 0x8000, 0, 100, 2301, 0b101),
                new BridgeCase("1.6", "a poll without registers is refused", REJECT, 1.5, false,
                        new RegisterBlock(AREA, DEVICE, ABCD, TIME_MS, null)),
                // R2: float32, high word first
                visible("2.1", "1500.0 W from an ABCD meter", WORD_ORDER_ABCD, 4, ABCD, 0x44BB, 0x8000, 0, 100, 2301, 1),
                hidden("2.2", "a 15 kW spike from an ABCD meter", WORD_ORDER_ABCD, 3, ABCD, 0x466A, 0x6000, 0, 100, 2301, 1),
                hidden("2.3", "power exported (negative) from an ABCD meter", WORD_ORDER_ABCD, 3, ABCD, 0xC37A, 0xC000, 0, 100, 2301, 1),
                // R3: float32, low word first
                visible("3.1", "1500.0 W from a CDAB meter", WORD_ORDER_CDAB, 4, CDAB, 0x8000, 0x44BB, 0, 100, 2301, 1),
                hidden("3.2", "1234.5 W from a CDAB meter", WORD_ORDER_CDAB, 3, CDAB, 0x5000, 0x449A, 0, 100, 2301, 1),
                hidden("3.3", "power exported (negative) from a CDAB meter", WORD_ORDER_CDAB, 3, CDAB, 0xC000, 0xC37A, 0, 100, 2301, 1),
                // R4: uint32, high word first
                visible("4.1", "123456 Wh (low word above 32767)", ENERGY, 4, ABCD, 0x44BB, 0x8000, 0x0001, 0xE240, 2301, 1),
                hidden("4.2", "3,000,000,000 Wh (above the int range)", ENERGY, 3, CDAB, 0x8000, 0x44BB, 0xB2D0, 0x5E00, 2301, 1),
                hidden("4.3", "the largest count, 4,294,967,295 Wh", ENERGY, 3, ABCD, 0x44BB, 0x8000, 0xFFFF, 0xFFFF, 2301, 1),
                // R5: tenths of a volt
                visible("5.1", "2301 is 230.1 V", VOLTAGE, 4, ABCD, 0x44BB, 0x8000, 0, 100, 2301, 1),
                hidden("5.2", "65535 is 6553.5 V", VOLTAGE, 3, ABCD, 0x44BB, 0x8000, 0, 100, 65_535, 1),
                hidden("5.3", "2400 is 240.0 V", VOLTAGE, 3, CDAB, 0x8000, 0x44BB, 0, 100, 2400, 1),
                // R6: status bits as booleans; the reading is reported whatever the status
                visible("6.1", "status 1: supply on, no tamper alarm", STATUS, 3, ABCD, 0x44BB, 0x8000, 0, 100, 2301, 1),
                visible("6.2", "status 0: supply off, still reported", STATUS, 2, ABCD, 0, 0, 0, 100, 0, 0),
                hidden("6.3", "status 2: tamper alarm, supply off", STATUS, 2.5, ABCD, 0x44BB, 0x8000, 0, 100, 2301, 2),
                hidden("6.4", "status 3: tamper alarm, supply on", STATUS, 2.5, CDAB, 0x8000, 0x44BB, 0, 100, 2301, 3),
                // R7: names, units, kinds of value
                visible("7.1", "the five records' names, units and values", NAMES_UNITS, 5, ABCD, 0x44BB, 0x8000, 0, 100, 2301, 1),
                hidden("7.2", "the same for a CDAB meter", NAMES_UNITS, 5, CDAB, 0x6000, 0x466A, 0x0001, 0x81CD, 2400, 1),
                // R8: base name on the first record only
                visible("8.1", "urn:m2mkit:area-7:legacy-3: on the first record", BASE_NAME, 5, ABCD, 0x44BB, 0x8000, 0, 100, 2301, 1),
                new BridgeCase("8.2", "another area and meter", BASE_NAME, 5, false,
                        new RegisterBlock("north-2", "legacy-12", CDAB, TIME_MS, regs(0x8000, 0x44BB, 0, 100, 2301, 1))),
                // R9: base time in seconds on the first record only
                visible("9.1", "the poll's time in seconds as bt", BASE_TIME, 5, ABCD, 0x44BB, 0x8000, 0, 100, 2301, 1),
                new BridgeCase("9.2", "a poll at another time", BASE_TIME, 5, false,
                        new RegisterBlock(AREA, DEVICE, ABCD, 1_700_000_000_007L, regs(0x44BB, 0x8000, 0, 100, 2301, 1))),
                // R10: LwM2M paths and values
                visible("10.1", "objects 3305 and 3316 for an ABCD meter", LWM2M, 4, ABCD, 0x44BB, 0x8000, 0x0001, 0xE240, 2301, 1),
                hidden("10.2", "objects 3305 and 3316 for a CDAB meter", LWM2M, 3, CDAB, 0x6000, 0x466A, 0, 98_765 & 0xFFFF, 2400, 1),
                hidden("10.3", "a meter at rest", LWM2M, 3, ABCD, 0, 0, 0, 0, 0, 1));
    }

    private static BridgeCase visible(String number, String name, StandardsRule rule, double points, WordOrder order,
                                      int... registers) {
        return new BridgeCase(number, name, rule, points, true, new RegisterBlock(AREA, DEVICE, order, TIME_MS, registers));
    }

    private static BridgeCase hidden(String number, String name, StandardsRule rule, double points, WordOrder order,
                                     int... registers) {
        return new BridgeCase(number, name, rule, points, false, new RegisterBlock(AREA, DEVICE, order, TIME_MS, registers));
    }

    private static int[] regs(int... registers) {
        return registers;
    }
}
