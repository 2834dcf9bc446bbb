package org.m2mkit.grader;

import java.time.Duration;
import org.m2mkit.grader.jshell.JShellSettings;
import org.m2mkit.grader.sandbox.Limits;

/**
 * Limits for tests of sandboxed code: a time limit that ordinary code never reaches, even on a busy machine, so
 * only the endless loops a test writes on purpose reach it; and a long grace after it, so that a snippet past the
 * limit is stopped (where this JVM can stop threads) rather than killed because the machine was slow to stop it.
 */
public final class GenerousLimits {
    /** The time limit of one snippet or one JUnit test. */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(10);

    private GenerousLimits() {
    }

    /** JShell engines with the generous time limit and grace, one kept ready and at most twelve. */
    public static JShellSettings jshell() {
        return JShellSettings.defaults().withEvalTimeout(TIME_LIMIT).withStopGrace(Duration.ofSeconds(15))
                .withPool(1, 12);
    }

    /** The grader's default limits with the generous time limit for each test case (a JUnit test of an answer). */
    public static Limits junit() {
        Limits d = Limits.defaults();
        return new Limits(TIME_LIMIT, d.scaleTimeout(), d.cpuSeconds(), d.heapMb(), d.metaspaceMb(), d.maxThreads(),
                d.maxRssMb(), d.addressSpaceMb(), d.outputBytes(), d.fileBytes(), d.gradingBudget(), d.scratchMb(),
                d.scratchFiles());
    }
}
