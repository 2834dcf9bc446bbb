package org.m2mkit.labs.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HoltForecastTest {

    @Test
    void followsTheTextbookRecurrence() {
        HoltForecast h = new HoltForecast(0.5, 0.3);
        assertThat(h.forecast(1)).isNaN();
        h.observe(10);
        assertThat(h.forecast(1)).isEqualTo(10);
        h.observe(14);
        // level = 0.5*14 + 0.5*(10+0) = 12, trend = 0.3*(12-10) + 0.7*0 = 0.6
        assertThat(h.level()).isCloseTo(12, within(1e-12));
        assertThat(h.trend()).isCloseTo(0.6, within(1e-12));
        assertThat(h.forecast(2)).isCloseTo(13.2, within(1e-12));
    }

    @Test
    void learnsALinearTrendExactly() {
        HoltForecast h = new HoltForecast(0.8, 0.5);
        for (int i = 0; i < 200; i++) {
            h.observe(50 + 2.0 * i);
        }
        assertThat(h.forecast(1)).isCloseTo(50 + 2.0 * 200, within(1e-6));
        assertThat(h.trend()).isCloseTo(2.0, within(1e-6));
    }

    @Test
    void aSpikeOnASteadyLoadIsForecastAboveAFeederWithEightKwHeadroom() {
        HoltForecast h = new HoltForecast(0.6, 0.4);
        for (int i = 0; i < 10; i++) {
            h.observe(64);
        }
        assertThat(h.forecast(1)).isLessThan(64 + 8);
        h.observe(64 + 14); // one meter goes from about 1 kW to 15 kW
        assertThat(h.forecast(1)).isGreaterThan(64 + 8);
    }

    @Test
    void rejectsSmoothingFactorsOutsideTheirRange() {
        assertThatThrownBy(() -> new HoltForecast(0, 0.5)).hasMessageContaining("0 < alpha <= 1");
        assertThatThrownBy(() -> new HoltForecast(0.5, 1.5)).hasMessageContaining("0 <= beta <= 1");
    }
}
