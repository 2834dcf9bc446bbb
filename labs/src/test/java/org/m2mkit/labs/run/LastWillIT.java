package org.m2mkit.labs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.m2mkit.labs.run.CycleAssertions.WAIT;
import static org.m2mkit.labs.run.CycleAssertions.eventually;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.m2mkit.labs.UserError;
import org.m2mkit.labs.mqtt.MqttLink;
import org.m2mkit.labs.wire.Messages;
import org.m2mkit.labs.wire.Topics;

/**
 * A meter dies in a live run: its connection drops without a goodbye, the embedded broker publishes its last will
 * (a retained {@code offline}), a client that subscribes afterwards still learns it at once, and the rest of the
 * area runs on. Plugged back in, the meter is {@code online} again and reads as before.
 */
class LastWillIT {

    private static final String AREA = "area-will";
    private static final String METER = "meter-03";

    @Test
    void pullingAMetersPlugFiresItsRetainedLastWillAndPluggingItInBringsItBackOnline() throws Exception {
        LabRunConfig config = LabRunConfig.builder().mode(Mode.FAST).meters(10).areaId(AREA).reportPeriodMs(200).build();
        try (LabRun run = LabRun.start(config)) {
            String status = Topics.meterStatus(AREA, METER);
            // every device announced itself, retained: meters, gateway, cloud and HVAC units
            assertThat(eventually(() -> run.deviceStatuses().size() == 10 + 2 + config.hvacUnits().size()
                    && run.deviceStatuses().values().stream().allMatch(s -> s.state().equals("online")))).isTrue();
            assertThat(retainedState(run, status)).isEqualTo("online");

            BlockingQueue<Messages.Status> seen = new LinkedBlockingQueue<>();
            AtomicLong mine = new AtomicLong();
            AtomicLong others = new AtomicLong();
            try (MqttLink watcher = watcher(run, "watcher")) {
                watcher.subscribe(status, 1, (topic, payload) -> seen.add(Messages.status(payload)));
                watcher.subscribe(Topics.meterReadings(AREA), 1, (topic, payload) ->
                        (topic.equals(Topics.meterReading(AREA, METER)) ? mine : others).incrementAndGet());
                assertThat(seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS).state()).as("the retained status first")
                        .isEqualTo("online");

                run.unplugMeter(METER);
                Messages.Status will = seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(will).as("the last will reaches a subscriber").isNotNull();
                assertThat(will.state()).isEqualTo("offline");
                assertThat(will.device()).isEqualTo(METER);
                assertThat(will.area()).isEqualTo(AREA);
                assertThat(eventually(() -> "offline".equals(run.deviceStatuses().get(METER).state()))).isTrue();
                assertThat(run.isUnplugged(METER)).isTrue();

                // a client that comes later learns the state at once: the will was retained
                assertThat(retainedState(run, status)).isEqualTo("offline");
                // the embedded broker sends the will a second time as it keeps it; the timeline shows it once
                Messages.Status kept = seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(kept).isEqualTo(will);

                // the others read on, the gateway counts the dead meter silent, the cloud still takes reports
                long reportsAtUnplug = run.cloudReports().size();
                assertThat(eventually(() -> run.cloudReports().size() >= reportsAtUnplug + 5
                        && run.cloudReports().get(run.cloudReports().size() - 1).metersSilent() >= 1)).isTrue();
                long deadReadings = mine.get();
                long othersBefore = others.get();
                long gatewayBefore = run.gatewayReadings();
                long reportsBefore = run.cloudReports().size();
                assertThat(eventually(() -> run.cloudReports().size() >= reportsBefore + 5
                        && others.get() >= othersBefore + 9 && run.gatewayReadings() >= gatewayBefore + 9)).isTrue();
                // the autonomous cycle still runs through for the rest of the area
                CycleAssertions.assertCausalCycle(CycleAssertions.awaitCycle(run.injectSpike("meter-07")));
                assertThatThrownBy(() -> run.injectSpike(METER)).isInstanceOf(UserError.class)
                        .hasMessageContaining("unplugged");
                assertThatThrownBy(() -> run.unplugMeter(METER)).isInstanceOf(UserError.class)
                        .hasMessageContaining("unplugged already");
                assertThat(mine.get()).as("an unplugged meter reads nothing").isEqualTo(deadReadings);

                run.plugInMeter(METER);
                Messages.Status back = seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                while (back != null && back.state().equals("offline")) {
                    back = seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS); // the will again, now retained (WillKeeper)
                }
                assertThat(back).isNotNull();
                assertThat(back.state()).isEqualTo("online");
                assertThat(retainedState(run, status)).isEqualTo("online");
                // the run's watcher has the online after both copies of the will (one topic keeps its order)
                assertThat(eventually(() -> "online".equals(run.deviceStatuses().get(METER).state()))).isTrue();
                assertThat(run.timeline().events().stream().filter(e -> e.kind() == TimelineEvent.Kind.MESSAGE
                        && status.equals(e.topic()) && e.detail().contains("last will")).count())
                        .as("the will once on the timeline").isEqualTo(1);
                assertThat(eventually(() -> mine.get() > deadReadings)).as("it reads again").isTrue();
                assertThat(eventually(() -> run.cloudReports().get(run.cloudReports().size() - 1).metersSilent() == 0))
                        .isTrue();
                assertThatThrownBy(() -> run.plugInMeter(METER)).isInstanceOf(UserError.class)
                        .hasMessageContaining("plugged in already");
            }
            assertThatThrownBy(() -> run.unplugMeter("meter-99")).isInstanceOf(UserError.class)
                    .hasMessageContaining("no meter 'meter-99'");
        }
    }

    /** What a client connecting now receives first on {@code topic}: the broker's retained state. */
    private static String retainedState(LabRun run, String topic) throws InterruptedException {
        BlockingQueue<String> first = new LinkedBlockingQueue<>();
        try (MqttLink late = watcher(run, "late-" + System.nanoTime())) {
            late.subscribe(topic, 1, (t, payload) -> first.add(Messages.status(payload).state()));
            return first.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static MqttLink watcher(LabRun run, String id) {
        return MqttLink.connect(run.brokerUrl(), id, run.studentLogin().orElseThrow(), null, WAIT);
    }
}
