package org.m2mkit.grader.standards;

import java.util.List;
import org.m2mkit.grader.standards.api.Lwm2mValue;
import org.m2mkit.grader.standards.api.MeterBridge;
import org.m2mkit.grader.standards.api.RegisterBlock;
import org.m2mkit.grader.standards.api.SenmlRecord;
import org.m2mkit.grader.standards.api.WordOrder;

/**
 * The standards lab's reference bridge (docs/standards-lab.md): the grader's expected answers come from it, and
 * it scores 100 as a submission. It uses nothing but the lab's contract and the JDK, as a student's class must.
 */
public class ReferenceBridge implements MeterBridge {
    /** Registers in a poll: power (2), energy (2), voltage, status. */
    static final int REGISTERS = 6;
    /** Status bits that carry meaning: bit 0 supply, bit 1 tamper. */
    static final int STATUS_BITS = 0b11;

    public ReferenceBridge() {
    }

    @Override
    public List<SenmlRecord> toSenml(RegisterBlock block) {
        Reading r = read(block);
        String baseName = "urn:m2mkit:" + block.area() + ":" + block.device() + ":";
        return List.of(
                SenmlRecord.value("power", "W", r.powerW()).withBase(baseName, block.timeMs() / 1000.0),
                SenmlRecord.value("energy", "Wh", r.energyWh()),
                SenmlRecord.value("voltage", "V", r.voltageV()),
                SenmlRecord.bool("supply", r.supply()),
                SenmlRecord.bool("tamper", r.tamper()));
    }

    @Override
    public List<Lwm2mValue> toLwm2m(RegisterBlock block) {
        Reading r = read(block);
        return List.of(
                Lwm2mValue.number("/3305/0/5800", r.powerW()),
                Lwm2mValue.number("/3305/0/5805", r.energyWh() / 1000.0),
                Lwm2mValue.number("/3316/0/5700", r.voltageV()),
                Lwm2mValue.text("/3316/0/5701", "V"));
    }

    /** One poll's quantities. */
    private record Reading(double powerW, double energyWh, double voltageV, boolean supply, boolean tamper) {}

    private static Reading read(RegisterBlock block) {
        if (block == null) {
            throw new IllegalArgumentException("no register block");
        }
        int[] regs = block.registers();
        if (regs == null) {
            throw new IllegalArgumentException("the register block has no registers; expected " + REGISTERS);
        }
        if (regs.length != REGISTERS) {
            throw new IllegalArgumentException("the register block has " + regs.length + " registers; expected "
                    + REGISTERS + " (input registers 0 to 5)");
        }
        for (int i = 0; i < regs.length; i++) {
            if (regs[i] < 0 || regs[i] > 0xFFFF) {
                throw new IllegalArgumentException("register " + i + " holds " + regs[i]
                        + ", which is not a 16-bit value (0 to 65535)");
            }
        }
        if ((regs[5] & ~STATUS_BITS) != 0) {
            throw new IllegalArgumentException("status register 5 has reserved bits set (" + regs[5]
                    + "); only bit 0 (supply) and bit 1 (tamper) may be set");
        }
        if (block.wordOrder() == null) {
            throw new IllegalArgumentException("the meter's word order is missing; expected ABCD or CDAB");
        }
        int high = block.wordOrder() == WordOrder.ABCD ? regs[0] : regs[1];
        int low = block.wordOrder() == WordOrder.ABCD ? regs[1] : regs[0];
        float power = Float.intBitsToFloat(high << 16 | low);
        long energy = (long) regs[2] << 16 | regs[3];
        return new Reading(power, energy, regs[4] / 10.0, (regs[5] & 1) != 0, (regs[5] & 2) != 0);
    }
}
