package org.m2mkit.web.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.m2mkit.labs.UserError;
import org.m2mkit.labs.broker.EmbeddedBroker;
import org.m2mkit.web.accounts.Account;
import org.m2mkit.web.accounts.Role;
import org.m2mkit.web.testing.Poll;

/** One run per person, a cap on runs with a queue behind it, and runs nobody watches stopped: on a real broker. */
class LiveLabIT {

    static final Account ADA = new Account(1, "ada", "Ada", Role.STUDENT, false);
    static final Account ALAN = new Account(2, "alan", "Alan", Role.STUDENT, false);
    static final Account GRACE = new Account(3, "grace", "Grace", Role.INSTRUCTOR, false);

    KitBroker broker;
    LiveLab lab;

    @BeforeEach
    void start() {
        broker = KitBroker.embedded(EmbeddedBroker.start("127.0.0.1", 0), "127.0.0.1");
        // runs nobody watches are left alone here; only the test of that stops them after a second
        lab = lab(Duration.ofMinutes(10));
    }

    /** A lab of one slot on the broker, stopping runs nobody watched for {@code idle}. */
    LiveLab lab(Duration idle) {
        return new LiveLab(broker, null, id -> Optional.empty(), 1, idle, Duration.ofMinutes(10));
    }

    @AfterEach
    void stop() {
        lab.close();
        broker.close();
    }

    static RunOptions fast() {
        return RunOptions.parse("5", "fast", "local", "reference");
    }

    static final Account LINUS = new Account(4, "linus", "Linus", Role.STUDENT, false);

    @Test
    void lwm2mRunsShareTheKitsServerAndTheirSpikesGoToLwm2mDevices() throws Exception {
        try (org.m2mkit.labs.lwm2m.EmbeddedLwm2mServer server =
                     org.m2mkit.labs.lwm2m.EmbeddedLwm2mServer.start("127.0.0.1", 0, null)) {
            lab.withLwm2m(server);
            LiveRun run = lab.start(ADA, RunOptions.parse("12", "fast", "local", "reference", "lwm2m", "0")).orElseThrow();
            String area = run.lab().config().areaId();
            assertThat(run.lab().lwm2mServerUri()).contains(server.uri());
            assertThat(server.registered()).contains(area + ":meter-07", area + ":hvac-1");
            // every meter of the area can be spiked, the LwM2M-only ones too
            assertThat(run.lab().meterIds()).hasSize(12).contains("meter-07");
            org.m2mkit.labs.run.Cycle c = run.lab().injectSpike("meter-07").get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(c.eventId()).startsWith("lwm2m-");
            assertThat(run.lab().comparison()).extracting(f -> f.protocol())
                    .containsExactly(org.m2mkit.labs.compare.WireProtocol.LWM2M);
            lab.stop(ADA.id(), "the test ended");
            assertThat(Poll.until(() -> server.registered().stream().noneMatch(e -> e.startsWith(area + ":"))))
                    .as("the run's devices deregistered from the shared server").isTrue();
        }
    }

    @Test
    void aSecondRunOfTheSamePersonReplacesTheFirstAndOthersWaitInTheQueue() throws InterruptedException {
        LiveRun first = lab.start(ADA, fast()).orElseThrow();
        LiveRun second = lab.start(ADA, fast()).orElseThrow();
        assertThat(first.lab().isRunning()).isFalse();
        assertThat(second.lab().isRunning()).isTrue();
        assertThat(lab.running()).isEqualTo(1);

        assertThat(lab.start(ALAN, fast())).isEmpty();
        assertThat(lab.start(LINUS, fast())).isEmpty();
        Map<String, Object> alan = lab.queued(ALAN.id()).orElseThrow();
        assertThat(alan.get("position")).isEqualTo(1);
        assertThat((String) alan.get("message")).startsWith("All 1 live-lab slot is in use: you are number 1 in the "
                + "queue, expected wait about ").contains("Your run starts by itself when a slot frees");
        // no run has ended yet: the run going now is expected to take its 10 minutes, the next one 10 more
        long alanWait = ((Number) alan.get("waitSeconds")).longValue();
        long linusWait = ((Number) lab.queued(LINUS.id()).orElseThrow().get("waitSeconds")).longValue();
        assertThat(alanWait).isBetween(1L, 600L);
        assertThat(linusWait).isGreaterThan(alanWait);

        // one place per person: starting again keeps the place and takes the new options
        assertThat(lab.start(ALAN, RunOptions.parse("7", "fast", "local", "reference"))).isEmpty();
        assertThat(lab.waiting()).isEqualTo(2);
        assertThat(lab.queued(ALAN.id()).orElseThrow().get("position")).isEqualTo(1);

        // the slot frees: the first in the queue gets it by itself, the next moves up
        lab.stop(ADA.id(), "stopped from the console");
        assertThat(Poll.until(() -> lab.current(ALAN.id()).isPresent())).as("Alan's run started from the queue").isTrue();
        assertThat(lab.current(ALAN.id()).orElseThrow().lab().config().meters()).isEqualTo(7);
        assertThat(lab.queued(ALAN.id())).isEmpty();
        assertThat(lab.queued(LINUS.id()).orElseThrow().get("position")).isEqualTo(1);
        assertThat(lab.running()).isEqualTo(1);

        // leaving the queue
        assertThat(lab.leaveQueue(LINUS.id())).isTrue();
        assertThat(lab.waiting()).isZero();
        assertThat(lab.leaveQueue(LINUS.id())).isFalse();
    }

    @Test
    void theDefaultNumberOfRunsFollowsTheCoresAndTheHeap() {
        assertThat(LiveLab.defaultMaxRuns(2, 6L << 30, 20)).isEqualTo(40);
        assertThat(LiveLab.defaultMaxRuns(2, 6L << 30, 8)).isEqualTo(16);
        assertThat(LiveLab.defaultMaxRuns(16, 64L << 30, 20)).isEqualTo(320);
        long small = LiveLab.HEAP_FOR_THE_REST + 5 * LiveLab.HEAP_PER_RUN;
        assertThat(LiveLab.defaultMaxRuns(8, small, 20)).isEqualTo(5);
        assertThat(LiveLab.defaultMaxRuns(1, LiveLab.HEAP_FOR_THE_REST / 2, 20)).isEqualTo(1);
        assertThat(LiveLab.defaultMaxRuns(1024, 1L << 40, 20)).isEqualTo(LiveLab.MAX_RUNS);
    }

    @Test
    void aRunNobodyWatchesIsStoppedAndFreesItsSlot() throws InterruptedException {
        lab.close();
        lab = lab(Duration.ofSeconds(1));
        LiveRun run = lab.start(ADA, fast()).orElseThrow();
        // the run leaves the lab's list first and is stopped just after: both are waited for
        assertThat(Poll.until(() -> lab.current(ADA.id()).isEmpty() && !run.lab().isRunning()))
                .as("the unwatched run was stopped").isTrue();
        // the slot is free: another person's run starts (it may itself be stopped a second later, unwatched)
        assertThat(lab.start(ALAN, fast())).isPresent();
    }

    @Test
    void theBrokerRestartsOnItsPortAndNotTwiceInARow() {
        lab.start(ADA, fast());
        String url = broker.url();
        assertThatThrownBy(() -> lab.restartBroker(ADA)).isInstanceOf(UserError.class)
                .hasMessageStartingWith("only an instructor can restart the broker");
        lab.restartBroker(GRACE);
        assertThat(broker.isRunning()).isTrue();
        assertThat(broker.url()).isEqualTo(url);
        assertThatThrownBy(() -> lab.restartBroker(GRACE)).isInstanceOf(UserError.class)
                .hasMessageStartingWith("the broker was restarted a moment ago; try again in");
    }

    @Test
    void theOverviewListsWhoHoldsARunAndStoppingOneEndsIt() {
        LiveRun run = lab.start(ADA, fast()).orElseThrow();
        assertThat(lab.overview()).singleElement().satisfies(m -> {
            assertThat(m.get("username")).isEqualTo("ada");
            assertThat(m.get("area")).isEqualTo(run.lab().config().areaId());
            assertThat((String) m.get("state")).startsWith("running");
            assertThat((String) m.get("started")).endsWith(" UTC");
        });
        lab.stop(ADA.id(), "was stopped by the instructor Grace");
        assertThat(lab.overview()).isEmpty();
        assertThat(run.lab().isRunning()).isFalse();
    }
}
