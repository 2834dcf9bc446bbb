package org.m2mkit.web.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.m2mkit.content.ContentLoader;
import org.m2mkit.web.config.KitConfig;
import org.m2mkit.web.grading.LabHttp;
import org.m2mkit.web.testing.TestDatabase;
import org.m2mkit.web.testing.WebClient;

/**
 * The whole kit on each database it runs on (H2, PostgreSQL): sign-in, a lesson and its knowledge check, a quiz
 * attempt, a graded lab submission and the gradebook; then a second start on the same database finds it all.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class KitOnEachDatabaseIT {

    static final String BANK = String.join("\n",
            "// [tag:each-db]", "::Cycle::Seconds from spike to HVAC confirmation?{#2:0.5}", "");

    @Parameter
    TestDatabase database;

    @TempDir
    Path data;

    @Test
    void aStudentSignsInReadsALessonTakesAQuizAndSubmitsALab() throws Exception {
        KitConfig config = database.kitConfig(data);
        long quiz;
        long submission;
        try (Kit kit = Kit.start(config)) {
            assertThat(new WebClient(kit.port()).get("/health").body()).contains("\"database\"");

            WebClient teacher = new WebClient(kit.port()).signIn("instructor", "m2m-instructor");
            location(teacher.post("/quizzes/import", Map.of("text", BANK, "format", "gift", "bank", "Each database")));
            quiz = id(location(teacher.post("/quizzes/manage", Map.of("title", "Each database quiz"))));
            location(teacher.post("/quizzes/" + quiz + "/slots", Map.of("tag", "each-db", "count", "1")));
            location(teacher.post("/quizzes/" + quiz + "/publish", Map.of("published", "true")));

            WebClient student = new WebClient(kit.port()).signIn("student", "m2m-student");
            String lesson = ContentLoader.load().lessons().get(0).id();
            assertThat(student.get("/lessons/" + lesson).statusCode()).isEqualTo(200);
            assertThat(student.get("/").body()).contains("read");

            long attempt = id(location(student.post("/quizzes/" + quiz + "/attempts", Map.of())));
            HttpResponse<String> saved = student.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + kit.port() + "/quizzes/attempts/" + attempt + "/answers/1"))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("X-CSRF-Token", student.csrf())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"values\":[\"2.1\"]}")).build());
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            location(student.post("/quizzes/attempts/" + attempt + "/submit", Map.of()));
            assertThat(student.get("/quizzes/attempts/" + attempt).statusCode()).isEqualTo(200);

            submission = LabHttp.submit(student, kit.port(), "gateway", LabHttp.referenceGateway());
            JsonNode done = LabHttp.awaitGraded(student, submission);
            assertThat(done.get("status").asText()).isEqualTo("DONE");
            assertThat(done.get("score").asDouble()).isEqualTo(100.0);

            String csv = teacher.get("/instructor/gradebook.csv").body();
            assertThat(csv.lines().findFirst().orElseThrow())
                    .endsWith(",quiz_" + quiz + "_best,quiz_" + quiz + "_latest,quiz_" + quiz + "_attempts");
            assertThat(csv.lines().filter(l -> l.startsWith("student,")).findFirst().orElseThrow())
                    .startsWith("student,Demo Student,100,100,1,").endsWith(",100,100,1");
        }
        // a second start on the same database: the schema is up to date, everything is still there
        try (Kit kit = Kit.start(config)) {
            WebClient student = new WebClient(kit.port()).signIn("student", "m2m-student");
            assertThat(student.get("/labs/submissions/" + submission).body()).contains("100 / 100");
            assertThat(student.get("/quizzes").body()).contains("Each database quiz");
        }
    }

    static String location(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return r.headers().firstValue("Location").orElseThrow();
    }

    static long id(String location) {
        return Long.parseLong(location.replaceAll("^.*/(\\d+)(/edit)?$", "$1"));
    }
}
