package org.m2mkit.grader.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.grader.GenerousLimits;
import org.m2mkit.grader.sandbox.SandboxPolicy;

/**
 * A notebook left unused gives its engine back, and its next cell finds everything earlier cells defined:
 * the remembered cells run again first, in a fresh engine.
 */
class ParkedSessionIT {

    @Test
    void anIdleSessionIsParkedAndComesBackWithItsDefinitions(@TempDir Path work) throws Exception {
        JShellSettings settings = GenerousLimits.jshell().withPool(0, 4).withParkAfter(Duration.ofSeconds(1));
        try (JShellEngines engines = new JShellEngines(settings, work, SandboxPolicy.BWRAP);
             JShellSession s = engines.open()) {
            s.evaluate("int meters = 50;");
            s.evaluate("String area() { return \"north\"; }");
            assertThat(engines.aliveCount()).isEqualTo(1);
            // parked by the engines' own sweep once the session has sat unused past its second
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!s.isParked() && System.nanoTime() < end) {
                Thread.sleep(50);
                engines.parkIdle();
            }
            assertThat(s.isParked()).as("parked within a minute").isTrue();
            assertThat(engines.aliveCount()).as("the engine was given back").isZero();

            Results.Cell back = s.evaluate("area() + \" \" + meters");
            assertThat(back.snippets()).hasSize(1);
            assertThat(back.snippets().get(0).value()).isEqualTo("\"north 50\"");
            assertThat(back.notice()).contains("paused").contains("2 earlier cells ran again");
            assertThat(s.isParked()).isFalse();
            // the notice is said once
            assertThat(s.evaluate("meters + 1").notice()).isNull();
        }
    }

    @Test
    void whenEveryEngineIsInUseANewNotebookTakesTheEngineOfTheOneUnusedLongest(@TempDir Path work) throws Exception {
        // one engine for two students; the sweep (after 30 s) is too slow to free it, the new notebook is not
        JShellSettings settings = GenerousLimits.jshell().withPool(0, 1).withParkAfter(Duration.ofSeconds(30));
        try (JShellEngines engines = new JShellEngines(settings, work, SandboxPolicy.BWRAP);
             JShellSession ada = engines.open();
             JShellSession alan = engines.open()) {
            ada.evaluate("int meters = 50;");
            assertThat(engines.aliveCount()).isEqualTo(1);
            Thread.sleep(engines.shortestRest().toMillis() + 500);

            Results.Cell first = alan.evaluate("int hvac = 3;");
            assertThat(first.snippets().get(0).value()).isEqualTo("3");
            assertThat(ada.isParked()).as("the notebook unused longest gave its engine").isTrue();
            assertThat(engines.aliveCount()).isEqualTo(1);

            Thread.sleep(engines.shortestRest().toMillis() + 500);
            Results.Cell back = ada.evaluate("meters + 1");
            assertThat(back.snippets().get(0).value()).isEqualTo("51");
            assertThat(back.notice()).contains("1 earlier cell ran again");
            assertThat(alan.isParked()).isTrue();
        }
    }
}
