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
