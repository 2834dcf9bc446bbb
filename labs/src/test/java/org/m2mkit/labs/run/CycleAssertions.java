package org.m2mkit.labs.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Checks that tests of whole runs share. */
final class CycleAssertions {

    static final List<Milestone> ORDER = List.of(Milestone.SPIKE, Milestone.ALERT, Milestone.REPORT,
            Milestone.PREDICTION, Milestone.COMMAND, Milestone.HVAC_ACTION, Milestone.CONFIRMATION);

    /** How long a test waits for what a run does: generous, so a busy machine is not a failure. */
    static final Duration WAIT = Duration.ofSeconds(60);

    private CycleAssertions() {
    }

    /** The cycle {@code cycle} completes with, waited for up to {@link #WAIT}. */
    static Cycle awaitCycle(Future<Cycle> cycle) throws Exception {
        return cycle.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every step happened, each no earlier than the one before, and the HVAC confirmed the figure's set point. */
    static void assertCausalCycle(Cycle c) {
        assertThat(c.complete()).as("cycle complete: %s", c).isTrue();
        long previous = Long.MIN_VALUE;
        for (Milestone m : ORDER) {
            assertThat(c.at()).as("step %s of %s", m, c).containsKey(m);
            assertThat(c.at().get(m)).as("%s after the step before it in %s", m, c).isGreaterThanOrEqualTo(previous);
            previous = c.at().get(m);
        }
        assertThat(c.eventId()).startsWith("dr-");
        assertThat(c.confirmation()).contains("reduced to 74 °F");
    }

    /** The milestones of cycle {@code number} on the timeline, in the order they were recorded. */
    static List<Milestone> timelineSteps(LabRun run, int number) {
        return run.timeline().events().stream()
                .filter(e -> e.kind() == TimelineEvent.Kind.MILESTONE && e.cycle() == number)
                .map(TimelineEvent::milestone).toList();
    }

    /** Waits (polling) until {@code condition} holds; false when it did not within {@link #WAIT}. */
    static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return condition.getAsBoolean();
    }

    /** The cloud took every report the gateway made, once each and in order: each period starts where the last ended. */
    static void assertReportsOnceInOrder(LabRun run) throws InterruptedException {
        long made = run.gatewayReports();
        assertThat(eventually(() -> run.cloudReports().size() >= made))
                .as("the cloud gets all %d reports the gateway made", made).isTrue();
        java.util.List<org.m2mkit.labs.api.AreaReport> reports = run.cloudReports();
        assertThat((long) reports.size()).as("no report twice").isLessThanOrEqualTo(run.gatewayReports());
        assertThat(reports.get(0).periodStartMs()).isZero();
        for (int i = 1; i < reports.size(); i++) {
            assertThat(reports.get(i).periodStartMs()).as("report %d starts where report %d ended", i, i - 1)
                    .isEqualTo(reports.get(i - 1).periodEndMs());
        }
    }

    /** Whether the timeline has a milestone {@code m} of cycle {@code number}. */
    static boolean reached(LabRun run, int number, Milestone m) {
        return run.timeline().events().stream().anyMatch(e -> e.kind() == TimelineEvent.Kind.MILESTONE
                && e.cycle() == number && e.milestone() == m);
    }
}
