package org.m2mkit.grader.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.m2mkit.grader.standards.api.Lwm2mValue;
import org.m2mkit.grader.standards.api.RegisterBlock;
import org.m2mkit.grader.standards.api.SenmlRecord;
import org.m2mkit.grader.standards.api.WordOrder;

/** The reference bridge does what docs/standards-lab.md's worked example says. */
class ReferenceBridgeTest {
    private final ReferenceBridge bridge = new ReferenceBridge();

    @Test
    void theSpecsWorkedExample() {
        RegisterBlock block = new RegisterBlock("area-7", "legacy-3", WordOrder.CDAB, 1_767_225_600_250L,
                new int[] {0x8000, 0x44BB, 0x0001, 0xE240, 2301, 0b11});
        assertThat(bridge.toSenml(block)).containsExactly(
                new SenmlRecord("urn:m2mkit:area-7:legacy-3:", 1_767_225_600.25, "power", "W", 1500.0, null),
                SenmlRecord.value("energy", "Wh", 123_456),
                SenmlRecord.value("voltage", "V", 230.1),
                SenmlRecord.bool("supply", true),
                SenmlRecord.bool("tamper", true));
        assertThat(bridge.toLwm2m(block)).containsExactly(
                Lwm2mValue.number("/3305/0/5800", 1500.0),
                Lwm2mValue.number("/3305/0/5805", 123.456),
                Lwm2mValue.number("/3316/0/5700", 230.1),
                Lwm2mValue.text("/3316/0/5701", "V"));
    }

    @Test
    void theSameWordsInTheOtherOrderAreAnotherNumber() {
        int[] regs = {0x8000, 0x44BB, 0, 0, 0, 1};
        double cdab = bridge.toSenml(new RegisterBlock("a", "m", WordOrder.CDAB, 0, regs)).get(0).v();
        double abcd = bridge.toSenml(new RegisterBlock("a", "m", WordOrder.ABCD, 0, regs)).get(0).v();
        assertThat(cdab).isEqualTo(1500.0);
        assertThat(abcd).isNotEqualTo(1500.0).isLessThan(0);
    }

    @Test
    void energyIsUnsignedAcrossBothWords() {
        List<SenmlRecord> r = bridge.toSenml(new RegisterBlock("a", "m", WordOrder.ABCD, 0,
                new int[] {0, 0, 0xFFFF, 0xFFFF, 0, 1}));
        assertThat(r.get(1).v()).isEqualTo(4_294_967_295.0);
    }

    @Test
    void badBlocksAreRefusedWithAMessageThatSaysWhy() {
        assertThatThrownBy(() -> bridge.toSenml(new RegisterBlock("a", "m", WordOrder.ABCD, 0, new int[] {1, 2, 3})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 registers; expected 6");
        assertThatThrownBy(() -> bridge.toLwm2m(new RegisterBlock("a", "m", WordOrder.ABCD, 0,
                new int[] {0, 0, 0, 0, 0, 4}))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reserved bits");
        assertThatThrownBy(() -> bridge.toSenml(new RegisterBlock("a", "m", WordOrder.ABCD, 0,
                new int[] {0, 0, 0, 65_536, 0, 1}))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("register 3 holds 65536");
    }
}
