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
    void referenceScoresFullMarksAndAConstantAnswerBelow35Percent() {
        assertThat(percent(new ReferenceProtocolAdvisor())).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(percent(s -> new Recommendation(Protocol.MQTT, Link.LTE_4G, "always"))).isLessThan(35.0);
        for (Protocol p : Protocol.values()) {
            for (Link l : Link.values()) {
                assertThat(percent(s -> new Recommendation(p, l, "always"))).as(p + " over " + l).isLessThan(45.0);
            }
        }
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
