package org.m2mkit.labs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.m2mkit.labs.UserError;
import org.m2mkit.labs.net.NetworkProfile;

class LabRunConfigTest {

    @Test
    void defaultsFollowTheFigure() {
        LabRunConfig c = LabRunConfig.builder().build();
        assertThat(c.meters()).isEqualTo(50);
        assertThat(c.meterIds()).startsWith("meter-01").endsWith("meter-50").hasSize(50);
        assertThat(c.mode()).isEqualTo(Mode.PACED);
        assertThat(c.pacing()).isEqualTo(Pacing.FIGURE);
        assertThat(c.spikeKw()).isEqualTo(15);
        assertThat(c.setpointDeltaC()).isEqualTo(2);
        assertThat(c.fieldNetwork()).isEqualTo(NetworkProfile.ETHERNET);
        assertThat(c.embeddedBroker()).isTrue();
        double expected = LabRunConfig.expectedAreaKw(50, c.startHour(), c.seed());
        assertThat(c.feederCapacityKw()).isEqualTo(expected + 8);
        assertThat(c.gatewayConfig().meterIds()).hasSize(50).contains("meter-07");
    }

    @Test
    void theProtocolDecidesWhichMetersSpeakWhat() {
        LabRunConfig mqtt = LabRunConfig.builder().meters(12).legacyMeters(2).build();
        assertThat(mqtt.legacyMeterIds()).containsExactly("meter-11", "meter-12");
        assertThat(mqtt.lwm2mMeterIds()).isEmpty();
        assertThat(mqtt.mqttMeterIds()).hasSize(10).doesNotContain("meter-11");
        assertThat(mqtt.gatewayConfig().meterIds()).hasSize(12); // the bridge publishes the legacy meters' readings

        LabRunConfig lwm2m = LabRunConfig.builder().meters(12).protocol(RunProtocol.LWM2M).lwm2mMeters(4)
                .legacyMeters(1).build();
        assertThat(lwm2m.lwm2mMeterIds()).containsExactly("meter-01", "meter-02", "meter-03", "meter-04");
        assertThat(lwm2m.mqttMeterIds()).containsExactly("meter-05", "meter-06", "meter-07", "meter-08", "meter-09",
                "meter-10", "meter-11");
        assertThat(lwm2m.gatewayConfig().meterIds()).hasSize(8).contains("meter-12").doesNotContain("meter-01");

        LabRunConfig both = LabRunConfig.builder().meters(12).protocol(RunProtocol.BOTH).build();
        assertThat(both.lwm2mMeterIds()).hasSize(10);
        assertThat(both.mqttMeterIds()).hasSize(12);
    }

    @Test
    void fastRunsShapeNothingUnlessAsked() {
        assertThat(LabRunConfig.builder().mode(Mode.FAST).build().uplinkNetwork()).isEqualTo(NetworkProfile.LOCAL);
        assertThat(LabRunConfig.builder().mode(Mode.FAST).uplinkNetwork(NetworkProfile.NB_IOT).build().uplinkNetwork())
                .isEqualTo(NetworkProfile.NB_IOT);
    }

    @Test
    void badValuesNameTheSettingAndWhatIsAccepted() {
        assertThatThrownBy(() -> LabRunConfig.builder().meters(0).build()).isInstanceOf(UserError.class)
                .hasMessage("meters 0 is not valid; use 1 to 100000");
        assertThatThrownBy(() -> LabRunConfig.builder().areaId("a/b").build())
                .hasMessage("area a/b is not valid; use letters, digits, - _ . (up to 64)");
        assertThatThrownBy(() -> LabRunConfig.builder().spikeThresholdKw(20).build())
                .hasMessageStartingWith("spike threshold kW 20.0 is not valid");
        assertThatThrownBy(() -> LabRunConfig.builder().brokerUrl("localhost:1883").build())
                .hasMessage("broker URL 'localhost:1883' is not valid; use tcp://host:port or ssl://host:port");
    }
}
