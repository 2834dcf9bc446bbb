package org.m2mkit.grader.jshell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a snippet prints is capped; settings are checked at start. */
class PrintedAndSettingsTest {

    @Test
    void printingPastTheLimitIsCutAndSaidSo() {
        Printed printed = new Printed(8);
        printed.write("12345".getBytes(StandardCharsets.UTF_8), 0, 5);
        assertThat(printed.cut()).isFalse();
        printed.write("67890".getBytes(StandardCharsets.UTF_8), 0, 5);
        assertThat(printed.cut()).isTrue();
        assertThat(printed.take()).isEqualTo("12345678");
        assertThat(printed.cut()).isFalse();
    }

    @Test
    void settingsNameABadValue() {
        assertThatThrownBy(() -> JShellSettings.defaults().withPool(40, 60).validate())
                .hasMessage("jshell poolSize = 40 is out of range; use 0 to 32");
        assertThatThrownBy(() -> JShellSettings.defaults().withEvalTimeout(Duration.ofMinutes(5)).validate())
                .hasMessageContaining("evalTimeout");
    }
}
