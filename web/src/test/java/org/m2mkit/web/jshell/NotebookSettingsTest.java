package org.m2mkit.web.jshell;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NotebookSettingsTest {
    @Test
    void aBadValueIsNamedWithWhatWouldBeAccepted() {
        assertThatThrownBy(() -> NotebookSettings.defaults().withRates(0, 5, 10).validate())
                .hasMessage("jshell runsPerMinute = 0 is too small; use 1 or more");
        assertThatThrownBy(() -> NotebookSettings.defaults().withIdleTimeout(Duration.ZERO).validate())
                .hasMessageContaining("idleTimeout");
        NotebookSettings s = NotebookSettings.defaults();
        assertThatThrownBy(() -> s.withEngines(s.engines().withEvalTimeout(Duration.ofMillis(10))).validate())
                .hasMessage("jshell evalTimeout = 10 ms is out of range; use 100 ms to 120 s");
    }
}
