package org.m2mkit.grader.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.m2mkit.labs.api.Link;
import org.m2mkit.labs.api.Need;
import org.m2mkit.labs.api.NodeClass;
import org.m2mkit.labs.api.PowerSource;
import org.m2mkit.labs.api.Protocol;
import org.m2mkit.labs.api.Scenario;

/**
 * The protocol lab's scenario bank, read from {@code content/scenarios/protocol-bank.yaml} on the class path
 * (module content). A malformed bank fails with a message naming the scenario and the field.
 */
public final class ScenarioBank {
    public static final String RESOURCE = "content/scenarios/protocol-bank.yaml";

    private ScenarioBank() {
    }

    public static List<BankScenario> load() {
        try (InputStream in = ScenarioBank.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the scenario bank " + RESOURCE + " is not on the class path (module content)");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scenario bank " + RESOURCE, e);
        }
    }

    static List<BankScenario> parse(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
        List<BankScenario> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode n : root.path("scenarios")) {
            String id = text(n, "id", "?");
            if (!ids.add(id)) {
                throw new IllegalStateException("scenario bank: id " + id + " appears twice");
            }
            Set<Need> needs = EnumSet.noneOf(Need.class);
            for (JsonNode need : n.path("needs")) {
                needs.add(enumOf(Need.class, need.asText(), id, "needs"));
            }
            Scenario s = new Scenario(id, text(n, "summary", id), enumOf(NodeClass.class, text(n, "nodeClass", id), id, "nodeClass"),
                    enumOf(PowerSource.class, text(n, "power", id), id, "power"), bool(n, "ipCapable", id), bool(n, "mobile", id),
                    number(n, "maxLatencyMs", id), (int) number(n, "payloadBytes", id), number(n, "messagesPerDay", id),
                    number(n, "rangeKm", id), java.util.Collections.unmodifiableSet(needs), (int) number(n, "inServiceUntilYear", id));
            out.add(new BankScenario(s, bool(n, "visible", id), text(n, "section", id), text(n, "topic", id),
                    answers(n.path("protocol"), Protocol.class, id, "protocol"), answers(n.path("link"), Link.class, id, "link")));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("scenario bank: no scenarios under 'scenarios:'");
        }
        return List.copyOf(out);
    }

    private static <T extends Enum<T>> BankScenario.Answers<T> answers(JsonNode n, Class<T> type, String id, String field) {
        Map<T, Double> accept = new EnumMap<>(type);
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("accept").fields(); it.hasNext(); ) {
            var e = it.next();
            double credit = e.getValue().asDouble(-1);
            if (credit <= 0 || credit > 1) {
                throw new IllegalStateException("scenario bank: " + id + " " + field + ".accept." + e.getKey()
                        + " = " + e.getValue() + "; credit must be in (0, 1]");
            }
            accept.put(enumOf(type, e.getKey(), id, field + ".accept"), credit);
        }
        if (accept.values().stream().noneMatch(c -> c >= 1.0)) {
            throw new IllegalStateException("scenario bank: " + id + " " + field + " has no answer with full credit 1.0");
        }
        Map<T, String> wrong = new EnumMap<>(type);
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("wrong").fields(); it.hasNext(); ) {
            var e = it.next();
            wrong.put(enumOf(type, e.getKey(), id, field + ".wrong"), e.getValue().asText());
        }
        return new BankScenario.Answers<>(Map.copyOf(accept), text(n, "reason", id), Map.copyOf(wrong));
    }

    private static <T extends Enum<T>> T enumOf(Class<T> type, String value, String id, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("scenario bank: " + id + " " + field + " = '" + value + "' is not one of "
                    + List.of(type.getEnumConstants()));
        }
    }

    private static String text(JsonNode n, String field, String id) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new IllegalStateException("scenario bank: " + id + " has no '" + field + "'");
        }
        return v.asText();
    }

    private static boolean bool(JsonNode n, String field, String id) {
        JsonNode v = n.get(field);
        if (v == null || !v.isBoolean()) {
            throw new IllegalStateException("scenario bank: " + id + " '" + field + "' must be true or false");
        }
        return v.booleanValue();
    }

    private static double number(JsonNode n, String field, String id) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalStateException("scenario bank: " + id + " '" + field + "' must be a number");
        }
        return v.doubleValue();
    }

    /** For messages: the names of the enum constants of a map's keys. */
    static <T> String names(java.util.Collection<T> values, Function<T, String> name) {
        return String.join(" or ", values.stream().map(name).toList());
    }
}
