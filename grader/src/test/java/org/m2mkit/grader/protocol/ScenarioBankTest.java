package org.m2mkit.grader.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.m2mkit.grader.TestResult;
import org.m2mkit.labs.api.Link;
import org.m2mkit.labs.api.Need;
import org.m2mkit.labs.api.NodeClass;
import org.m2mkit.labs.api.PowerSource;
import org.m2mkit.labs.api.Protocol;
import org.m2mkit.labs.api.ProtocolAdvisor;
import org.m2mkit.labs.api.Recommendation;
import org.m2mkit.labs.protocol.ReferenceProtocolAdvisor;

/** The scenario bank meets specs/protocol-lab.md, and its scoring separates the reference from guessing. */
class ScenarioBankTest {
    private final List<BankScenario> bank = ScenarioBank.load();

    @Test
    void hasAtLeast40ScenariosAboutAThirdVisible() {
        assertThat(bank).hasSizeGreaterThanOrEqualTo(40);
        long visible = bank.stream().filter(BankScenario::visible).count();
        assertThat(visible * 1.0 / bank.size()).isBetween(0.28, 0.4);
    }

    @Test
    void coversEveryNeedNodeClassAndPowerSource() {
        Set<Need> needs = EnumSet.noneOf(Need.class);
        Set<NodeClass> classes = EnumSet.noneOf(NodeClass.class);
        Set<PowerSource> power = EnumSet.noneOf(PowerSource.class);
        for (BankScenario b : bank) {
            needs.addAll(b.scenario().needs());
            classes.add(b.scenario().nodeClass());
            power.add(b.scenario().power());
        }
        assertThat(needs).containsExactlyInAnyOrder(Need.values());
        assertThat(classes).containsExactlyInAnyOrder(NodeClass.values());
        assertThat(power).containsExactlyInAnyOrder(PowerSource.values());
    }

    @Test
    void everyLinkIsARightAnswerOrAnExplainedTemptingOne() {
        for (Link link : Link.values()) {
            boolean right = bank.stream().anyMatch(b -> b.link().best().contains(link));
            boolean explained = bank.stream().anyMatch(b -> b.link().wrong().containsKey(link));
            assertThat(right || explained).as(link.name()).isTrue();
        }
    }

    @Test
    void twoGAndThreeGAreNeverAcceptedAndTheirSunsetIsTaught() {
        for (BankScenario b : bank) {
            assertThat(b.link().accept()).as(b.scenario().id()).doesNotContainKeys(Link.GPRS_2G, Link.UMTS_3G);
        }
        assertThat(bank.stream().filter(b -> b.link().wrong().containsKey(Link.GPRS_2G)).count()).isGreaterThanOrEqualTo(3);
        assertThat(bank.stream().filter(b -> b.link().wrong().containsKey(Link.UMTS_3G)).count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void everyScenarioTeachesWhyAndWhere() {
        for (BankScenario b : bank) {
            assertThat(b.section()).startsWith("460.");
            assertThat(b.protocol().reason()).isNotBlank();
            assertThat(b.link().reason()).isNotBlank();
            assertThat(b.topic()).isNotBlank();
        }
    }

    @Test
    void referenceScoresFullMarks() {
        assertThat(percent(new ReferenceProtocolAdvisor())).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    /** specs/protocol-lab.md: a constant answer scores below 35 %, whichever protocol and link it names. */
    @Test
    void everyConstantProtocolAndLinkPairScoresBelow35Percent() {
        double best = 0;
        String bestPair = "";
        for (Protocol p : Protocol.values()) {
            for (Link l : Link.values()) {
                double score = percent(s -> new Recommendation(p, l, "always"));
                if (score > best) {
                    best = score;
                    bestPair = p + " over " + l;
                }
            }
        }
        assertThat(best).as("best constant pair: " + bestPair).isLessThan(35.0);
    }

    /** Rules that read one or two fields and ignore the rest earn far less than the reference. */
    @Test
    void simpleRulesStayWellBelowTheReference() {
        // The handout's naive advisor: always MQTT; NB-IoT deep indoors, LTE-M when mobile, else 4G
        assertThat(percent(s -> new Recommendation(Protocol.MQTT, s.needs().contains(Need.DEEP_INDOOR_COVERAGE)
                ? Link.NB_IOT : s.mobile() ? Link.LTE_M : Link.LTE_4G, "naive"))).isLessThan(35.0);
        assertThat(percent(s -> new Recommendation(Protocol.MQTT, s.mobile() ? Link.LTE_M : Link.NB_IOT, "mobility")))
                .isLessThan(35.0);
        assertThat(percent(s -> new Recommendation(s.ipCapable() ? Protocol.COAP : Protocol.MQTT,
                s.ipCapable() ? Link.LTE_M : Link.LORAWAN, "ip or not"))).isLessThan(45.0);
        assertThat(percent(s -> new Recommendation(Protocol.MQTT, switch (s.power()) {
            case MAINS -> Link.ETHERNET;
            case BATTERY, ENERGY_HARVESTING -> Link.NB_IOT;
        }, "power"))).isLessThan(45.0);
        assertThat(percent(s -> new Recommendation(switch (s.nodeClass()) {
            case LOW_END -> Protocol.COAP;
            case MID_END -> Protocol.MQTT;
            case HIGH_END -> Protocol.HTTP_REST;
        }, s.mobile() ? Link.LTE_M : Link.NB_IOT, "node class and mobility"))).isLessThan(45.0);
    }

    @Test
    void hiddenFeedbackNamesTheTopicNotTheAnswer() {
        BankScenario hidden = bank.stream().filter(b -> !b.visible()).findFirst().orElseThrow();
        Protocol wrong = EnumSet.allOf(Protocol.class).stream().filter(p -> hidden.protocol().credit(p) == 0).findFirst().orElseThrow();
        TestResult t = ProtocolSuite.score(hidden, new Recommendation(wrong, Link.GPRS_2G, "x"), "n", "1", 2, "");
        assertThat(t.message()).contains("Revisit: " + hidden.topic());
        for (Protocol p : hidden.protocol().best()) {
            assertThat(t.message()).doesNotContain(p.name());
        }
        BankScenario visible = bank.stream().filter(BankScenario::visible).findFirst().orElseThrow();
        TestResult v = ProtocolSuite.score(visible, new Recommendation(Protocol.MODBUS, Link.GPRS_2G, "x"), "n", "1", 2, "");
        assertThat(v.message()).contains("Expected " + visible.protocol().best().get(0)).contains(visible.link().reason());
    }

    private double percent(ProtocolAdvisor advisor) {
        double won = 0;
        for (BankScenario b : bank) {
            won += ProtocolSuite.score(b, advisor.recommend(b.scenario()), "n", "1", 100.0 / bank.size(), "").score();
        }
        return won;
    }
}
