package org.m2mkit.web.quizzes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.web.testing.RunningKit;
import org.m2mkit.web.testing.WebClient;

/**
 * The whole path in a running kit: an instructor imports a JUnit code question and publishes a quiz with it; a
 * student answers over HTTP and submits; the kit's code checker runs the tests in the grader's sandbox and the
 * review page shows the share passed and each test's outcome.
 */
class CodeQuestionKitIT {

    @RegisterExtension
    static final RunningKit running = new RunningKit();

    static final String BANK = String.join("\n",
            "// [tag:code-path]",
            "// [m2mkit:code junit]",
            "// [m2mkit:check] import static org.junit.jupiter.api.Assertions.assertEquals;",
            "// [m2mkit:check] import org.junit.jupiter.api.Test;",
            "// [m2mkit:check] class AreaTest {",
            "// [m2mkit:check]     @Test void total() { assertEquals(7.5, Area.total(new double[] {2.5, 5}), 1e-9); }",
            "// [m2mkit:check]     @Test void peak() { assertEquals(5.0, Area.peak(new double[] {2.5, 5}), 1e-9); }",
            "// [m2mkit:check]     @Test void silent() { assertEquals(1, Area.silent(new double[] {2.5, 0, 5})); }",
            "// [m2mkit:check] }",
            "::Area report::Write a class Area with total, peak and silent (meters reporting 0 kW).{}",
            "");

    static final String ANSWER = """
            class Area {
                static double total(double[] kw) {
                    double sum = 0;
                    for (double k : kw) sum += k;
                    return sum;
                }

                static double peak(double[] kw) {
                    double max = 0;
                    for (double k : kw) max = Math.max(max, k);
                    return max;
                }

                static int silent(double[] kw) {
                    return 0;
                }
            }
            """;

    @Test
    void aSubmittedJUnitAnswerIsGradedInTheSandboxAndTheReviewShowsEachTest() throws Exception {
        WebClient teacher = running.client().signIn("instructor", "m2m-instructor");
        location(teacher.post("/quizzes/import", Map.of("text", BANK, "format", "gift", "bank", "Code path")));
        long quiz = id(location(teacher.post("/quizzes/manage", Map.of("title", "Code path quiz"))));
        location(teacher.post("/quizzes/" + quiz + "/slots", Map.of("tag", "code-path", "count", "1")));
        location(teacher.post("/quizzes/" + quiz + "/publish", Map.of("published", "true")));

        WebClient student = running.client().signIn("student", "m2m-student");
        long attempt = id(location(student.post("/quizzes/" + quiz + "/attempts", Map.of())));
        HttpResponse<String> saved = student.send(HttpRequest.newBuilder(
                        URI.create(running.url("/quizzes/attempts/" + attempt + "/answers/1")))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-CSRF-Token", student.csrf())
                .POST(HttpRequest.BodyPublishers.ofString(
                        new ObjectMapper().writeValueAsString(Map.of("values", List.of(ANSWER))))).build());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        location(student.post("/quizzes/attempts/" + attempt + "/submit", Map.of()));

        String review = student.get("/quizzes/attempts/" + attempt).body();
        assertThat(review).contains("2 of 3 tests passed.", "passed: total", "passed: peak",
                "failed: silent: expected: &lt;1&gt; but was: &lt;0&gt;");
    }

    static String location(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return r.headers().firstValue("Location").orElseThrow();
    }

    static long id(String location) {
        return Long.parseLong(location.replaceAll("^.*/(\\d+)(/edit)?$", "$1"));
    }
}
