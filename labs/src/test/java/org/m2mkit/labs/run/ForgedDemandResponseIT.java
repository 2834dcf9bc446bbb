package org.m2mkit.labs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m2mkit.labs.run.CycleAssertions.assertCausalCycle;
import static org.m2mkit.labs.run.CycleAssertions.eventually;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.m2mkit.labs.api.DemandResponse;
import org.m2mkit.labs.broker.EmbeddedBroker;
import org.m2mkit.labs.broker.MqttLogin;
import org.m2mkit.labs.wire.Messages;
import org.m2mkit.labs.wire.Topics;

/**
 * Two areas on one embedded broker, as the kit runs its live labs: a student's own client, with its area's login,
 * forges demand-response events for its own area and for the other one. Neither reaches a gateway, so no HVAC
 * unit moves its set point; the real cycle of the area still completes.
 */
class ForgedDemandResponseIT {

    @Test
    void aForgedDemandResponseEventReachesNoGatewayAndTheRealCycleStillCompletes() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0);
                LabRun one = LabRun.start(config(broker, "area-1"));
                LabRun two = LabRun.start(config(broker, "area-2"))) {
            assertThat(eventually(() -> one.gatewayReadings() >= 5 && two.gatewayReadings() >= 5))
                    .isTrue();
            MqttLogin student = two.studentLogin().orElseThrow();
            MqttClient own = new MqttClient(broker.url(), "student-own-client", new MemoryPersistence());
            own.setTimeToWait(TimeUnit.SECONDS.toMillis(20));
            try {
                MqttConnectOptions o = new MqttConnectOptions();
                o.setUserName(student.username());
                o.setPassword(student.password().toCharArray());
                own.connect(o);
                for (String area : new String[] {"area-1", "area-2"}) {
                    byte[] forged = Messages.dr(new Messages.DrEvent(new DemandResponse("forged-" + area, area, 50, 10,
                            600_000), System.currentTimeMillis()));
                    // refused messages are not acknowledged: QoS 0
                    own.publish(Topics.cloud(area, Topics.DR), message(forged, 0));
                    own.publish(Topics.hvac(area, "hvac-1", Topics.COMMAND), message(forged, 0));
                }
                // acknowledged once the broker has handled (and refused) the forged ones before it
                own.publish(Topics.meterStatus("area-2", "meter-99"), message("probe".getBytes(), 1));
            } finally {
                own.disconnect();
                own.close();
            }

            // the real cycle of area 1 runs through after the forged events would have arrived
            Cycle cycle = one.injectSpike("meter-03").get(30, TimeUnit.SECONDS);
            assertCausalCycle(cycle);
            // the units the gateway commanded applied the real event, and none applied another
            assertThat(one.hvacEventsApplied()).allSatisfy((unit, events) -> assertThat(events).as(unit).isLessThanOrEqualTo(1))
                    .containsValue(1);
            assertThat(eventually(() -> two.timeline().events().stream()
                    .anyMatch(e -> "probe".equals(e.payload())))).as("area 2's timeline saw the student's probe").isTrue();
            assertThat(two.hvacEventsApplied()).allSatisfy((unit, events) -> assertThat(events).as(unit).isZero());
            for (LabRun run : new LabRun[] {one, two}) {
                assertThat(run.timeline().events()).noneSatisfy(e -> assertThat(e.payload()).contains("forged-"));
            }
        }
    }

    /**
     * The broker publishes a client's last will without asking the topic rules: a student login that sets its
     * will on its own area's demand-response topic and then drops its connection gets the forged event published.
     * The gateway drops it, since it does not carry the signature of the run's cloud, and no unit moves.
     */
    @Test
    void aForgedEventInALastWillIsDroppedByTheGateway() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0);
                LabRun run = LabRun.start(config(broker, "area-3"))) {
            assertThat(eventually(() -> run.gatewayReadings() >= 5)).isTrue();
            MqttLogin student = run.studentLogin().orElseThrow();
            byte[] forged = Messages.dr(new Messages.DrEvent(new DemandResponse("forged-will", "area-3", 50, 10,
                    600_000), System.currentTimeMillis()));
            MqttClient own = new MqttClient(broker.url(), "student-will-client", new MemoryPersistence());
            own.setTimeToWait(TimeUnit.SECONDS.toMillis(20));
            MqttConnectOptions o = new MqttConnectOptions();
            o.setUserName(student.username());
            o.setPassword(student.password().toCharArray());
            o.setWill(Topics.cloud("area-3", Topics.DR), forged, 1, false);
            own.connect(o);
            own.disconnectForcibly(0, 0, false); // no DISCONNECT: the broker publishes the will
            own.close();
            assertThat(eventually(() -> run.timeline().events().stream()
                    .anyMatch(e -> e.detail() != null && e.detail().contains("does not carry the run's cloud's "
                            + "signature")))).as("the gateway says it dropped the forged event").isTrue();
            // the real cycle still completes, and only its event is applied
            assertCausalCycle(run.injectSpike("meter-02").get(30, TimeUnit.SECONDS));
            assertThat(run.hvacEventsApplied()).allSatisfy((unit, events) -> assertThat(events).as(unit)
                    .isLessThanOrEqualTo(1));
        }
    }

    private static LabRunConfig config(EmbeddedBroker broker, String area) {
        return LabRunConfig.builder().mode(Mode.FAST).meters(5).areaId(area).brokerUrl(broker.url())
                .brokerLogin(broker.access()).build();
    }

    private static MqttMessage message(byte[] payload, int qos) {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(qos);
        return m;
    }
}
