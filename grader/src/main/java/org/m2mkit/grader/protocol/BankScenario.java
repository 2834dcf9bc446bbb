package org.m2mkit.grader.protocol;

import java.util.Map;
import org.m2mkit.labs.api.Link;
import org.m2mkit.labs.api.Protocol;
import org.m2mkit.labs.api.Scenario;

/**
 * A scenario of the bank with its answers: credit per accepted protocol and link, the teaching reasons, the
 * tempting wrong answers explained, and the chapter section to revisit.
 */
public record BankScenario(Scenario scenario, boolean visible, String section, String topic,
                           Answers<Protocol> protocol, Answers<Link> link) {

    /** Credit in [0, 1] per accepted answer, why the right one is right, and why tempting wrong ones are wrong. */
    public record Answers<T>(Map<T, Double> accept, String reason, Map<T, String> wrong) {
        public double credit(T answer) {
            return answer == null ? 0 : accept.getOrDefault(answer, 0.0);
        }

        /** The answers with full credit. */
        public java.util.List<T> best() {
            return accept.entrySet().stream().filter(e -> e.getValue() >= 1.0).map(Map.Entry::getKey).toList();
        }
    }
}
