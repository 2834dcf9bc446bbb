package org.m2mkit.labs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m2mkit.labs.run.CycleAssertions.assertCausalCycle;
import static org.m2mkit.labs.run.CycleAssertions.awaitCycle;
import static org.m2mkit.labs.run.CycleAssertions.eventually;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.m2mkit.labs.compare.ProtocolFigures;
import org.m2mkit.labs.compare.WireProtocol;
import org.m2mkit.labs.wire.Pack;

/** Whole runs over LwM2M, over both protocols side by side, and with legacy Modbus meters behind the gateway. */
class StandardsRunIT {

    /** Every step of an LwM2M cycle happened, in the figure's order, and the HVAC's set point confirmed it. */
    static void assertLwm2mCycle(Cycle c) {
        assertThat(c.complete()).as("cycle complete: %s", c).isTrue();
        long previous = Long.MIN_VALUE;
        for (Milestone m : CycleAssertions.ORDER) {
            assertThat(c.at()).as("step %s of %s", m, c).containsKey(m);
            assertThat(c.at().get(m)).as("%s after the step before it in %s", m, c).isGreaterThanOrEqualTo(previous);
            previous = c.at().get(m);
        }
        assertThat(c.eventId()).startsWith("lwm2m-");
        assertThat(c.confirmation()).contains("reduced to 74 °F").contains("3308/0/5900");
    }

    @Test
    void anLwm2mRunCarriesTheCycleOverCoapAlone() throws Exception {
        LabRunConfig config = LabRunConfig.builder().mode(Mode.FAST).meters(12).protocol(RunProtocol.LWM2M)
                .lwm2mMeters(10).build();
        try (LabRun run = LabRun.start(config)) {
            assertThat(run.lwm2mRegistered()).contains("meter-01", "meter-10", "hvac-1", "hvac-3")
                    .doesNotContain("meter-11");
            Cycle c = awaitCycle(run.injectSpike("meter-07"));
            assertLwm2mCycle(c);
            assertThat(run.cycles()).isEmpty(); // no MQTT cycle
            assertThat(CycleAssertions.timelineSteps(run, c.number())).containsSubsequence(CycleAssertions.ORDER);
            // meter-07 is not an MQTT client in an LwM2M run
            assertThat(run.timeline().events()).noneSatisfy(e ->
                    assertThat(e.topic()).isEqualTo("m2mkit/area-1/meter/meter-07/reading"));
            List<ProtocolFigures> figures = run.comparison();
            assertThat(figures).extracting(ProtocolFigures::protocol).containsExactly(WireProtocol.LWM2M);
            // the spike's notification, three writes and three set-point notifications, once the other two units'
            // confirmations have come in after the first
            assertThat(eventually(() -> run.comparison().get(0).messages() >= 7)).isTrue();
            ProtocolFigures lw = run.comparison().get(0);
            assertThat(lw.packets()).isGreaterThanOrEqualTo(lw.messages());
            assertThat(lw.bytesWithHeaders()).isEqualTo(lw.bytes() + 28L * lw.packets());
        }
    }

    @Test
    void bothProtocolsCarryTheSameSpikeAndMqttSendsMoreBytes() throws Exception {
        LabRunConfig config = LabRunConfig.builder().mode(Mode.FAST).meters(12).protocol(RunProtocol.BOTH)
                .lwm2mMeters(10).legacyMeters(2).build();
        try (LabRun run = LabRun.start(config)) {
            assertThat(eventually(() -> run.gatewayReadings() >= config.meters())).isTrue();
            Cycle mqtt = awaitCycle(run.injectSpike("meter-07"));
            assertCausalCycle(mqtt);
            assertThat(eventually(() -> run.lwm2mCycles().stream().anyMatch(Cycle::complete))).isTrue();
            Cycle lwm2m = run.lwm2mCycles().get(0);
            assertLwm2mCycle(lwm2m);
            assertThat(lwm2m.meterId()).isEqualTo("meter-07");
            assertThat(lwm2m.spikeMs()).isEqualTo(mqtt.spikeMs());
            assertThat(lwm2m.number()).isNotEqualTo(mqtt.number());

            List<ProtocolFigures> figures = run.comparison();
            assertThat(figures).extracting(ProtocolFigures::protocol)
                    .containsExactly(WireProtocol.MQTT, WireProtocol.LWM2M, WireProtocol.MODBUS);
            ProtocolFigures m = figures.get(0);
            ProtocolFigures l = figures.get(1);
            // JSON with topics against CBOR with short URIs, measured in one run
            assertThat(m.bytes()).isGreaterThan(l.bytes());
            assertThat(m.readingBytes()).isGreaterThan(l.readingBytes());
            // PUBLISH and PUBACK to the broker, and again to the subscriber unless it is a retained status
            assertThat(m.packets()).isBetween(2 * m.messages(), 4 * m.messages());
            assertThat(figures.get(2).readingBytes()).isEqualTo(12 + 21);
        }
    }

    @Test
    void aLegacyCdabMeterReachesTheGatewayThroughTheBridgeWithItsRealValues() throws Exception {
        LabRunConfig config = LabRunConfig.builder().mode(Mode.FAST).meters(6).legacyMeters(2).build();
        try (LabRun run = LabRun.start(config)) {
            // meter-05 is an ABCD model, meter-06 a CDAB one
            assertThat(eventually(() -> run.gatewayReadings() >= 12)).isTrue();
            Cycle c = awaitCycle(run.injectSpike("meter-06"));
            assertCausalCycle(c);
            assertThat(run.timeline().events()).anySatisfy(e -> {
                assertThat(e.topic()).isEqualTo("m2mkit/area-1/meter/meter-06/reading");
                Pack p = Pack.decode(e.payload().getBytes(StandardCharsets.UTF_8));
                assertThat(p.number("power", "W")).isEqualTo(15_000.0);
                assertThat(p.number("voltage", "V")).isEqualTo(230.0);
                assertThat(p.bool("supply")).isTrue();
                assertThat(p.bool("tamper")).isFalse();
            });
            assertThat(run.timeline().events()).anySatisfy(e -> {
                assertThat(e.topic()).isEqualTo("m2mkit/area-1/meter/meter-05/reading");
                double w = Pack.decode(e.payload().getBytes(StandardCharsets.UTF_8)).number("power", "W");
                assertThat(w).isBetween(1.0, 20_000.0); // a household's load, not a word-swapped float
            });
            ProtocolFigures modbus = run.comparison().get(run.comparison().size() - 1);
            assertThat(modbus.protocol()).isEqualTo(WireProtocol.MODBUS);
            assertThat(modbus.cycle()).isEqualTo(c.number());
            assertThat(modbus.messages()).isGreaterThanOrEqualTo(1);
            assertThat(modbus.bytes()).isEqualTo(33L * modbus.messages());
        }
    }
}
