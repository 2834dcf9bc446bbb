package org.m2mkit.labs.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.m2mkit.labs.api.Link;
import org.m2mkit.labs.api.Need;
import org.m2mkit.labs.api.NodeClass;
import org.m2mkit.labs.api.PowerSource;
import org.m2mkit.labs.api.Protocol;
import org.m2mkit.labs.api.Recommendation;
import org.m2mkit.labs.api.Scenario;

/** Spot checks of the reference advisor's rules; the full scenario bank is graded in the grader's tests. */
class ReferenceProtocolAdvisorTest {
    private final ReferenceProtocolAdvisor advisor = new ReferenceProtocolAdvisor();

    private static Scenario scenario(NodeClass node, PowerSource power, boolean ip, boolean mobile, double latencyMs,
                                     double rangeKm, Set<Need> needs) {
        return new Scenario("t", "test", node, power, ip, mobile, latencyMs, 50, 24, rangeKm, needs, 2040);
    }

    @Test
    void managedBatteryMeterDeepIndoorsIsLwm2mOverNbIot() {
        Recommendation r = advisor.recommend(scenario(NodeClass.LOW_END, PowerSource.BATTERY, true, false, 3_600_000, 3,
                EnumSet.of(Need.DEVICE_MANAGEMENT, Need.DEEP_INDOOR_COVERAGE)));
        assertThat(r.protocol()).isEqualTo(Protocol.LWM2M);
        assertThat(r.link()).isEqualTo(Link.NB_IOT);
        assertThat(r.rationale()).contains("LwM2M").contains("NB-IoT");
    }

    @Test
    void millisecondControlNeeds5gAndFieldbusNeedsModbusOrDlms() {
        assertThat(advisor.recommend(scenario(NodeClass.MID_END, PowerSource.MAINS, true, true, 5, 0.3,
                EnumSet.of(Need.ULTRA_RELIABLE_LOW_LATENCY))).link()).isEqualTo(Link.NR_5G);
        assertThat(advisor.recommend(scenario(NodeClass.HIGH_END, PowerSource.MAINS, false, false, 100, 0.05,
                EnumSet.of(Need.LEGACY_FIELDBUS))).protocol()).isEqualTo(Protocol.MODBUS);
        assertThat(advisor.recommend(scenario(NodeClass.MID_END, PowerSource.MAINS, false, false, 900_000, 2,
                EnumSet.of(Need.LEGACY_FIELDBUS))).protocol()).isEqualTo(Protocol.DLMS_COSEM);
        assertThat(advisor.recommend(scenario(NodeClass.MID_END, PowerSource.MAINS, true, true, 5, 0.3,
                EnumSet.of(Need.ULTRA_RELIABLE_LOW_LATENCY, Need.PUBLISH_SUBSCRIBE))).protocol()).isEqualTo(Protocol.COAP);
    }

    @Test
    void neverPicksNetworksThatAreBeingSwitchedOffAndAlwaysAnswers() {
        Random random = new Random(460);
        for (int i = 0; i < 5_000; i++) {
            Set<Need> needs = EnumSet.noneOf(Need.class);
            for (Need n : Need.values()) {
                if (random.nextInt(4) == 0) {
                    needs.add(n);
                }
            }
            Recommendation r = advisor.recommend(scenario(NodeClass.values()[random.nextInt(3)],
                    PowerSource.values()[random.nextInt(3)], random.nextBoolean(), random.nextBoolean(),
                    Math.pow(10, random.nextInt(8)), random.nextDouble() * 50, needs));
            assertThat(r.protocol()).isNotNull();
            assertThat(r.link()).isNotNull().isNotIn(Link.GPRS_2G, Link.UMTS_3G);
        }
        assertThat(advisor.recommend(null)).isNull();
    }
}
