package org.m2mkit.labs.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.m2mkit.labs.api.Alert;
import org.m2mkit.labs.api.AreaReport;
import org.m2mkit.labs.api.DemandResponse;
import org.m2mkit.labs.api.HvacCommand;
import org.m2mkit.labs.api.MeterReading;

class MessagesTest {

    private static final long T = 1_764_115_200_123L;

    @Test
    void readingIsSenmlPowerInWatts() {
        MeterReading r = new MeterReading("meter-07", "area-1", T, 15.0);
        byte[] json = Messages.reading(r);
        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo(
                "[{\"bn\":\"urn:m2mkit:area-1:meter-07:\",\"bt\":1.764115200123E9,\"n\":\"power\",\"u\":\"W\",\"v\":15000.0}]");
        assertThat(Messages.reading(json)).isEqualTo(r);
    }

    @Test
    void everyMessageSurvivesTheRoundTrip() {
        Messages.Seq seq = new Messages.Seq("e1", 7, 3);
        Alert alert = new Alert("meter-07", T, 15.0);
        assertThat(Messages.alert(Messages.alert("area-1", seq, alert))).isEqualTo(new Messages.Uplink<>(seq, alert));

        AreaReport report = new AreaReport("area-1", T - 500, T, 50, 0, 74.25, 15.0, "meter-07", 1, 0);
        assertThat(Messages.report(Messages.report(seq, report))).isEqualTo(new Messages.Uplink<>(seq, report));
        AreaReport empty = new AreaReport("area-1", 0, T, 0, 50, 0, 0, null, 0, 3);
        assertThat(Messages.report(Messages.report(seq, empty)).body()).isEqualTo(empty);

        Messages.OptIn optIn = new Messages.OptIn("area-1", "dr-1", 2, 8.0, T);
        assertThat(Messages.optIn(Messages.optIn(seq, optIn))).isEqualTo(new Messages.Uplink<>(seq, optIn));

        Messages.DrEvent dr = new Messages.DrEvent(new DemandResponse("dr-1", "area-1", 5.5, 2.0, 900_000), T);
        assertThat(Messages.dr(Messages.dr(dr))).isEqualTo(dr);

        Messages.Command cmd = new Messages.Command("area-1", new HvacCommand("hvac-1", "dr-1", 2.0, 900_000), T);
        assertThat(Messages.command(Messages.command(cmd))).isEqualTo(cmd);

        Messages.Confirmation c = new Messages.Confirmation("area-1", "hvac-1", "dr-1", 23.11, 21.2, 1.5, T);
        assertThat(Messages.confirmation(Messages.confirmation(c))).isEqualTo(c);
        assertThat(c.text()).isEqualTo("reduced to 74 °F (23.1 °C = 73.6 °F)");

        Messages.Ack ack = new Messages.Ack("area-1", "e1", 7);
        assertThat(Messages.ack(Messages.ack(ack, T))).isEqualTo(ack);

        Messages.Status st = new Messages.Status("area-1", "meter-07", "offline", T);
        assertThat(Messages.status(Messages.status(st))).isEqualTo(st);
    }

    @Test
    void wrongUnitsAndBaseNamesAreRefused() {
        byte[] kw = "[{\"bn\":\"urn:m2mkit:a:m:\",\"bt\":1.7e9,\"n\":\"power\",\"u\":\"kW\",\"v\":15}]"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Messages.reading(kw)).hasMessageContaining("is in 'kW', expected 'W'");
        byte[] foreign = "[{\"bn\":\"urn:dev:mtr:42:\",\"n\":\"power\",\"u\":\"W\",\"v\":15}]"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Messages.reading(foreign)).hasMessageContaining("is not urn:m2mkit:<area>:<device>:");
    }

    @Test
    void topicsParseBack() {
        assertThat(Topics.parse(Topics.meterReading("area-1", "meter-07")))
                .isEqualTo(new Topics.Parsed("area-1", "meter", "meter-07", "reading"));
        assertThat(Topics.parse(Topics.cloud("area-1", Topics.DR)))
                .isEqualTo(new Topics.Parsed("area-1", "cloud", null, "dr"));
        assertThat(Topics.parse("other/x/y/z")).isNull();
        assertThat(Topics.validId("meter-07")).isTrue();
        assertThat(Topics.validId("a/b")).isFalse();
        assertThat(Topics.validId("+")).isFalse();
    }
}
