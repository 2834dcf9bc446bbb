package org.m2mkit.grader.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.m2mkit.grader.GradeResult;
import org.m2mkit.grader.TestResult;

/**
 * Writes a {@link GradeResult} as the {@code results.json} of Gradescope's autograder specification (with
 * PrairieLearn's {@code gradable} added, which Gradescope ignores), or in PrairieLearn's own shape.
 */
public final class ResultsJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    /** Gradescope's shape: score, max_score, execution_time, output, visibility, stdout_visibility, tests[]. */
    public static ObjectNode gradescope(GradeResult r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("score", r.score());
        root.put("max_score", r.maxScore());
        root.put("execution_time", r.executionTimeSeconds());
        root.put("output", r.output());
        root.put("visibility", "visible");
        root.put("stdout_visibility", "hidden");
        root.put("gradable", r.gradable());
        ObjectNode extra = root.putObject("extra_data");
        extra.put("lab", r.lab().id());
        extra.put("sandbox", r.sandbox());
        ArrayNode tests = root.putArray("tests");
        for (TestResult t : r.tests()) {
            ObjectNode n = tests.addObject();
            n.put("name", t.name());
            n.put("number", t.number());
            n.put("score", t.score());
            n.put("max_score", t.maxScore());
            n.put("status", t.passed() ? "passed" : "failed");
            n.put("output", output(t));
            n.put("visibility", "visible");
            ArrayNode tags = n.putArray("tags");
            tags.add(t.rule());
            tags.add(t.visible() ? "visible-test" : "hidden-test");
        }
        return root;
    }

    /** PrairieLearn's shape: score in [0, 1], gradable, message, output, tests[] with points and max_points. */
    public static ObjectNode prairieLearn(GradeResult r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("gradable", r.gradable());
        root.put("score", r.fraction());
        root.put("message", r.output());
        root.put("output", r.output());
        ArrayNode tests = root.putArray("tests");
        for (TestResult t : r.tests()) {
            ObjectNode n = tests.addObject();
            n.put("name", t.number() + " " + t.name());
            n.put("description", t.rule());
            n.put("points", t.score());
            n.put("max_points", t.maxScore());
            n.put("message", t.message());
            n.put("output", t.printed());
        }
        return root;
    }

    /** Converts a Gradescope-shaped results.json (as written by {@link #gradescope}) to PrairieLearn's shape. */
    public static ObjectNode gradescopeToPrairieLearn(ObjectNode gs) {
        ObjectNode root = JSON.createObjectNode();
        double max = gs.path("max_score").asDouble();
        root.put("gradable", gs.path("gradable").asBoolean(true));
        root.put("score", max == 0 ? 0 : Math.max(0, Math.min(1, gs.path("score").asDouble() / max)));
        root.put("message", gs.path("output").asText());
        root.put("output", gs.path("output").asText());
        ArrayNode tests = root.putArray("tests");
        for (var t : gs.path("tests")) {
            ObjectNode n = tests.addObject();
            n.put("name", t.path("name").asText());
            n.put("description", t.path("tags").path(0).asText(""));
            n.put("points", t.path("score").asDouble());
            n.put("max_points", t.path("max_score").asDouble());
            n.put("message", t.path("output").asText());
        }
        return root;
    }

    private static String output(TestResult t) {
        String printed = t.printed() == null || t.printed().isEmpty() ? "" : "\nThe submission printed:\n" + t.printed();
        return t.message() + printed;
    }

    public static String text(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the file whole or not at all (through a temporary file beside it). */
    public static void write(ObjectNode node, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".results-", ".json");
        try {
            JSON.writeValue(tmp.toFile(), node);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
