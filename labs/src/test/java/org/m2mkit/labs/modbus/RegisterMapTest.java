package org.m2mkit.labs.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegisterMapTest {

    @Test
    void encodesTheContractsRegistersInBothWordOrders() {
        RegisterMap.Reading r = new RegisterMap.Reading(1234.5, 0x0001_86A0L, 230.1, true, false);
        int bits = Float.floatToIntBits(1234.5f);
        assertThat(RegisterMap.encode(r, WordOrder.ABCD))
                .containsExactly(bits >>> 16, bits & 0xFFFF, 0x0001, 0x86A0, 2301, 1);
        assertThat(RegisterMap.encode(r, WordOrder.CDAB))
                .containsExactly(bits & 0xFFFF, bits >>> 16, 0x0001, 0x86A0, 2301, 1);
    }

    @Test
    void decodingInTheModelsOrderGivesTheReadingBackAndTheOtherOrderDoesNot() {
        RegisterMap.Reading r = new RegisterMap.Reading(15_000.0, 4_000_000_000L, 229.8, false, true);
        for (WordOrder order : WordOrder.values()) {
            assertThat(RegisterMap.decode(RegisterMap.encode(r, order), order)).isEqualTo(r);
        }
        double trap = RegisterMap.decode(RegisterMap.encode(r, WordOrder.CDAB), WordOrder.ABCD).watts();
        assertThat(trap).isNotEqualTo(15_000.0);
    }
}
