package org.m2mkit.web.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.content.ContentLoader;
import org.m2mkit.web.testing.RunningKit;
import org.m2mkit.web.testing.WebClient;

/** Course pages, knowledge checks graded on the server and a student's progress, over real HTTP. */
class LessonsIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RunningKit running = new RunningKit();

    static HttpResponse<String> answer(WebClient c, String lesson, int index, String... values) throws Exception {
        String body = JSON.writeValueAsString(java.util.Map.of("values", java.util.List.of(values)));
        return c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.port() + "/api/pages/lesson/"
                        + lesson + "/checks/" + index))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-CSRF-Token", c.csrf()).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void aStudentAnswersAKnowledgeCheckAndTheHomePageShowsTheProgress() throws Exception {
        WebClient student = new WebClient(running.port()).signIn("student", "m2m-student");
        String lesson = null;
        JsonNode check = null;
        for (var l : ContentLoader.load().lessons()) {
            for (JsonNode v : JSON.readTree(student.getJson("/api/pages/lesson/" + l.id() + "/checks").body())) {
                if (v.path("type").asText().equals("truefalse") && check == null) {
                    lesson = l.id();
                    check = v;
                }
            }
        }
        assertThat(check).as("a true/false knowledge check somewhere in the chapter").isNotNull();
        assertThat(check.toString()).doesNotContain("feedback").doesNotContain("percent");
        assertThat(student.get("/lessons/" + lesson).body()).contains("data-checks=\"/api/pages/lesson/" + lesson);

        int index = check.path("index").asInt();
        JsonNode t = JSON.readTree(answer(student, lesson, index, "true").body());
        JsonNode f = JSON.readTree(answer(student, lesson, index, "false").body());
        assertThat(t.path("correct").asBoolean()).isNotEqualTo(f.path("correct").asBoolean());
        assertThat(t.path("recorded").asBoolean()).isTrue();

        String home = student.get("/").body();
        assertThat(home).contains("1/").contains("checks right").contains("read");
    }

    @Test
    void badAnswersGetClearErrorsAndVisitorsAreNotRecorded() throws Exception {
        WebClient visitor = new WebClient(running.port());
        String lesson = ContentLoader.load().lessons().get(2).id();
        HttpResponse<String> missing = answer(visitor, lesson, 999, "0");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("no knowledge check number 999");
        HttpResponse<String> notJson = visitor.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + running.port() + "/api/pages/lesson/" + lesson + "/checks/0"))
                .header("Content-Type", "application/json").header("X-CSRF-Token", visitor.csrf())
                .POST(HttpRequest.BodyPublishers.ofString("values=1")).build());
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("Send the answer as JSON");
        assertThat(JSON.readTree(answer(visitor, lesson, 0, "0").body()).path("recorded").asBoolean()).isFalse();
    }

    @Test
    void everyAnswerSaysHowLongTheServerTookInServerTiming() {
        WebClient c = new WebClient(running.port());
        String lesson = ContentLoader.load().lessons().get(0).id();
        for (String path : List.of("/lessons/" + lesson, "/", "/no-such-page")) {
            assertThat(c.get(path).headers().firstValue("Server-Timing")).as(path)
                    .hasValueSatisfying(v -> assertThat(v).matches("app;dur=\\d+\\.\\d{2}"));
        }
    }

    @Test
    void glossaryReferencesHandoutsAndSearchAnswer() {
        WebClient c = new WebClient(running.port());
        var chapter = ContentLoader.load();
        assertThat(c.get("/glossary").body()).contains(chapter.glossary().get(0).term());
        assertThat(c.get("/references").body()).contains(chapter.references().get(0).title()
                .replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#39;"));
        assertThat(c.get("/handouts").body()).contains("/handouts/" + chapter.handouts().get(0).id());
        assertThat(c.get("/handouts/" + chapter.handouts().get(0).id()).statusCode()).isEqualTo(200);
        String hits = c.get("/search?q=NB-IoT+battery").body();
        assertThat(hits).contains("places found").contains("href=\"/lessons/");
        assertThat(c.get("/search?q=zzqqxx").body()).contains("Nothing in the chapter contains");
        assertThat(c.get("/handouts/no-such").statusCode()).isEqualTo(404);
    }
}
