package org.m2mkit.web.quizzes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.web.testing.WebClient;

/**
 * Acceptance: killing the server with SIGKILL during an attempt loses no answer the page showed as saved. The
 * packaged kit runs as its own process; the student's answers are saved one by one through the page's autosave
 * endpoint, the process is killed straight after the last "saved" reply, and a new process on the same data
 * directory shows every one of them.
 */
class AutosaveSurvivesKillIT {

    @TempDir
    Path data;

    static final String BANK = String.join("\n",
            "// [tag:durability]", "::Protocol::Which protocol publishes to a broker?{=MQTT ~HTTP ~FTP}", "",
            "// [tag:durability]", "::Gateway word::The box between meters and the cloud is the ...{=gateway}", "",
            "// [tag:durability]", "::Cycle::Seconds from spike to HVAC confirmation?{#2:0.5}", "",
            "// [tag:durability]", "::Why::Why does a fleet use cellular?{}", "");

    static long idFrom(String location) {
        return Long.parseLong(location.replaceAll("^.*/(\\d+)(/edit)?$", "$1"));
    }

    static String location(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return r.headers().firstValue("Location").orElseThrow();
    }

    HttpResponse<String> autosave(WebClient client, int port, long attempt, int position, String... values) {
        StringBuilder json = new StringBuilder("{\"values\":[");
        for (int i = 0; i < values.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(values[i]).append('"');
        }
        json.append("]}");
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/quizzes/attempts/" + attempt
                        + "/answers/" + position))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-CSRF-Token", client.csrf())
                .POST(HttpRequest.BodyPublishers.ofString(json.toString())).build());
    }

    @Test
    void everyAnswerThePageShowedAsSavedIsThereAfterKill9() throws Exception {
        long attempt;
        List<String> expected = new ArrayList<>();
        try (KitProcess kit = KitProcess.start(data)) {
            WebClient teacher = new WebClient(kit.port).signIn("instructor", "m2m-instructor");
            location(teacher.post("/quizzes/import", Map.of("text", BANK, "format", "gift", "bank", "Durability")));
            long quiz = idFrom(location(teacher.post("/quizzes/manage", Map.of("title", "Durability quiz"))));
            location(teacher.post("/quizzes/" + quiz + "/slots", Map.of("tag", "durability", "count", "4")));
            location(teacher.post("/quizzes/" + quiz + "/publish", Map.of("published", "true")));

            WebClient student = new WebClient(kit.port).signIn("student", "m2m-student");
            attempt = idFrom(location(student.post("/quizzes/" + quiz + "/attempts", Map.of())));
            String page = student.get("/quizzes/attempts/" + attempt).body();
            assertThat(page).contains("data-input=\"radio\"").contains("data-input=\"textarea\"");
            // answer every question in the order drawn; each reply says "saved"
            for (int position = 1; position <= 4; position++) {
                String section = page.substring(page.indexOf("id=\"q" + position + "\""));
                String input = section.replaceAll("(?s)^.*?data-input=\"([a-z]+)\".*$", "$1");
                String value = switch (input) {
                    case "radio" -> "0";
                    case "number" -> "2.1";
                    case "text" -> "gateway " + position;
                    default -> "Coverage follows the truck, answer " + position;
                };
                HttpResponse<String> saved = autosave(student, kit.port, attempt, position, value);
                assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
                assertThat(saved.body()).contains("\"savedAt\"");
                expected.add(value);
            }
            kit.kill();
        }
        try (KitProcess again = KitProcess.start(data)) {
            WebClient student = new WebClient(again.port).signIn("student", "m2m-student");
            String page = student.get("/quizzes/attempts/" + attempt).body();
            assertThat(page).contains("Every answer is saved as you go");
            for (String value : expected) {
                if (value.equals("0")) {
                    assertThat(page).containsPattern("value=\"0\"\\s+checked=\"checked\"");
                } else {
                    assertThat(page).contains(value);
                }
            }
        }
    }
}
