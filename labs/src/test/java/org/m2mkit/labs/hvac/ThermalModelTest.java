package org.m2mkit.labs.hvac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.m2mkit.labs.wire.Temperatures;

class ThermalModelTest {

    private static final double HOUR = 3_600_000;

    @Test
    void holdingTheSetPointTakesPowerProportionalToTheDifferenceWithOutdoors() {
        ThermalModel m = new ThermalModel(2.5, 100, 3 * HOUR, 32, 21, 21);
        assertThat(m.powerKw()).isCloseTo(2.5 * 11, within(1e-9));
        m.advance(2 * HOUR);
        assertThat(m.indoorC()).isCloseTo(21, within(1e-6));
    }

    @Test
    void raisingTheSetPointByTwoDegreesShedsTwiceTheUnitsShareAndWarmsTheRoomToIt() {
        ThermalModel m = new ThermalModel(2.5, 100, 3 * HOUR, 32, 21, 21);
        double before = m.powerKw();
        m.raiseSetpoint(2);
        assertThat(m.powerKw()).isLessThan(before - 2 * 2.5); // the room is cooler than wanted: the unit eases off
        m.advance(48 * HOUR);
        assertThat(m.indoorC()).isCloseTo(23, within(0.01));
        assertThat(before - m.powerKw()).isCloseTo(2 * 2.5, within(0.05));
    }

    @Test
    void withoutCoolingTheRoomDriftsToTheOutdoorTemperature() {
        ThermalModel m = new ThermalModel(2.5, 0, 3 * HOUR, 32, 21, 21);
        m.advance(3 * HOUR);
        assertThat(m.indoorC()).isCloseTo(32 - 11 * Math.exp(-1), within(0.05));
        m.advance(60 * HOUR);
        assertThat(m.indoorC()).isCloseTo(32, within(0.01));
    }

    @Test
    void seventyFahrenheitPlusTwoCelsiusIsReportedAsSeventyFourFahrenheit() {
        double c = Temperatures.toCelsius(70) + 2;
        assertThat(Math.round(Temperatures.toFahrenheit(c))).isEqualTo(74);
        assertThat(Temperatures.toFahrenheit(100)).isEqualTo(212);
    }
}
