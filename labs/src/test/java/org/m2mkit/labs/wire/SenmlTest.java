package org.m2mkit.labs.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SenmlTest {

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void resolvesBaseFieldsAsRfc8428Section5Example() {
        // RFC 8428 section 5.1.2: multiple data points, base name and base time
        List<Senml.Resolved> r = Senml.resolve(Senml.decode(json("""
                [{"bn":"urn:dev:ow:10e2073a01080063:","bt":1.320067464e+09,"bu":"%RH","v":20},
                 {"u":"lon","v":24.30621},{"u":"lat","v":60.07965},{"t":60,"v":20.3},
                 {"u":"lon","t":60,"v":24.30622},{"u":"lat","t":60,"v":60.07965},{"t":120,"v":20.7}]""")), 0);
        assertThat(r).hasSize(7);
        assertThat(r.get(0).name()).isEqualTo("urn:dev:ow:10e2073a01080063:");
        assertThat(r.get(0).unit()).isEqualTo("%RH");
        assertThat(r.get(1).unit()).isEqualTo("lon");
        assertThat(r.get(3).timeSeconds()).isEqualTo(1.320067464e9 + 60);
        assertThat(r.get(6).value()).isEqualTo(20.7);
        assertThat(r.get(6).unit()).isEqualTo("%RH");
    }

    @Test
    void addsBaseValueAndBaseSum() {
        List<Senml.Resolved> r = Senml.resolve(Senml.decode(json("""
                [{"bn":"m:","bt":1.7e9,"bv":100,"bs":5,"n":"a","v":1},{"n":"b","v":-1},{"n":"c","s":2}]""")), 0);
        assertThat(r.get(0).value()).isEqualTo(101.0);
        assertThat(r.get(0).sum()).isEqualTo(5.0);
        assertThat(r.get(1).value()).isEqualTo(99.0);
        assertThat(r.get(2).sum()).isEqualTo(7.0);
    }

    @Test
    void smallTimesAreRelativeToNow() {
        List<Senml.Resolved> r = Senml.resolve(Senml.decode(json("[{\"n\":\"x\",\"t\":-5,\"v\":1}]")), 1_700_000_000);
        assertThat(r.get(0).timeSeconds()).isEqualTo(1_699_999_995d);
    }

    @Test
    void rejectsWhatTheRfcForbids() {
        assertThatThrownBy(() -> Senml.resolve(Senml.decode(json("[{\"n\":\"x\",\"v\":1,\"vs\":\"a\"}]")), 0))
                .hasMessageContaining("exactly one value");
        assertThatThrownBy(() -> Senml.resolve(Senml.decode(json("[{\"n\":\"x\"}]")), 0))
                .hasMessageContaining("exactly one value");
        assertThatThrownBy(() -> Senml.resolve(Senml.decode(json("[{\"n\":\"-x\",\"v\":1}]")), 0))
                .hasMessageContaining("name '-x' is not valid");
        assertThatThrownBy(() -> Senml.resolve(Senml.decode(json("[{\"bver\":11,\"n\":\"x\",\"v\":1}]")), 0))
                .hasMessageContaining("version 11");
        assertThatThrownBy(() -> Senml.decode(json("{\"n\":\"x\"}"))).isInstanceOf(Senml.SenmlException.class)
                .hasMessageStartingWith("not SenML JSON");
        assertThatThrownBy(() -> Senml.decode(json("[{\"n\":\"x\",\"v\":1,\"zz\":3}]")))
                .isInstanceOf(Senml.SenmlException.class);
        assertThatThrownBy(() -> Senml.decode(json("[1,2"))).isInstanceOf(Senml.SenmlException.class);
    }

    @Test
    void writesOnlyTheFieldsThatAreSet() {
        byte[] out = Senml.encode(List.of(SenmlRecord.value("power", "W", 1830).withBase("urn:dev:mtr:42:", 1.7e9)));
        assertThat(new String(out, StandardCharsets.UTF_8))
                .isEqualTo("[{\"bn\":\"urn:dev:mtr:42:\",\"bt\":1.7E9,\"n\":\"power\",\"u\":\"W\",\"v\":1830.0}]");
        assertThat(Senml.resolve(Senml.decode(out), 0).get(0).value()).isCloseTo(1830, within(1e-9));
    }
}
