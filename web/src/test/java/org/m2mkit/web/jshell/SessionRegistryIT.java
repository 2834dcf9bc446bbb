package org.m2mkit.web.jshell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.web.testing.Poll;

/** Idle notebooks are closed, and the next use says why. */
class SessionRegistryIT {
    @TempDir
    Path work;

    @Test
    void anIdleSessionIsEvictedWithAClearMessageOnItsNextUse() throws InterruptedException {
        // long enough that the first cell (which starts an engine) ends well before it, even on a busy machine
        NotebookSettings settings = NotebookSettings.defaults().withIdleTimeout(Duration.ofSeconds(10));
        settings = settings.withEngines(settings.engines().withPool(0, 4));
        try (SessionRegistry registry = new SessionRegistry(settings, work)) {
            String id = registry.open(7, "gateways").id();
            assertThat(registry.get(7, id).evaluate("int x = 1;").snippets().get(0).status()).isEqualTo("ok");
            assertThat(Poll.until(() -> registry.openCount() == 0)).as("the idle notebook was closed").isTrue();
            assertThatThrownBy(() -> registry.get(7, id))
                    .isInstanceOf(ApiError.class)
                    .hasMessageContaining("not used for 10 seconds")
                    .hasMessageContaining("Run the cells again");
            // the engine went back: a new notebook for the lesson works
            String again = registry.open(7, "gateways").id();
            assertThat(again).isNotEqualTo(id);
            assertThat(registry.get(7, again).evaluate("1 + 1").snippets().get(0).value()).isEqualTo("2");
        }
    }

    @Test
    void aStudentKeepsAtMostTheAllowedNumberOfNotebooks() {
        NotebookSettings settings = NotebookSettings.defaults();
        settings = settings.withEngines(settings.engines().withPool(0, 8));
        try (SessionRegistry registry = new SessionRegistry(settings, work)) {
            String first = registry.open(9, "lesson-1").id();
            for (int i = 2; i <= settings.sessionsPerStudent() + 1; i++) {
                registry.open(9, "lesson-" + i);
            }
            assertThatThrownBy(() -> registry.get(9, first)).isInstanceOf(ApiError.class)
                    .hasMessageContaining("oldest");
        }
    }
}
