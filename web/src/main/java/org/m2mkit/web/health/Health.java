package org.m2mkit.web.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The status of the kit's parts for {@code GET /health}: each part answers "up", "degraded" (it works, but not as
 * it should: the grader without isolation, say) or "down", with details; the kit is "ok" when every part is up,
 * else "degraded".
 */
public final class Health {

    /** One part's status. */
    public record Part(String status, Map<String, Object> details) {
        public static Part up(Map<String, Object> details) {
            return new Part("up", details);
        }

        public static Part degraded(Map<String, Object> details) {
            return new Part("degraded", details);
        }

        public static Part down(Map<String, Object> details) {
            return new Part("down", details);
        }

        public boolean up() {
            return "up".equals(status);
        }
    }

    private final Map<String, Supplier<Part>> parts = new LinkedHashMap<>();

    public Health add(String name, Supplier<Part> check) {
        parts.put(name, check);
        return this;
    }

    /** Runs every check; a check that throws counts as down, with the exception's message. */
    public Map<String, Object> report() {
        Map<String, Object> report = new LinkedHashMap<>();
        boolean allUp = true;
        Map<String, Object> body = new LinkedHashMap<>();
        for (Map.Entry<String, Supplier<Part>> e : parts.entrySet()) {
            Part part;
            try {
                part = e.getValue().get();
            } catch (RuntimeException ex) {
                part = Part.down(Map.of("error", String.valueOf(ex.getMessage())));
            }
            allUp &= part.up();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("status", part.status());
            entry.putAll(part.details());
            body.put(e.getKey(), entry);
        }
        report.put("status", allUp ? "ok" : "degraded");
        report.putAll(body);
        return report;
    }

    public static boolean ok(Map<String, Object> report) {
        return "ok".equals(report.get("status"));
    }
}
