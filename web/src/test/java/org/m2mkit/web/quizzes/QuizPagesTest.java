package org.m2mkit.web.quizzes;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.web.app.Pages;

/**
 * Every quiz page and endpoint over HTTP on a real server and a real H2 database. Who is asking comes from a
 * request header here; the whole kit with its sign-in is exercised by the browser test.
 */
class QuizPagesTest {

    @TempDir
    static Path dir;

    static QuizHttp web;
    static QuizDb t;
    static Javalin app;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        web = new QuizHttp(dir);
        t = web.t;
        app = web.app;
        t.quizzes.banks().importQuestions("M2M", "every-type.gift", QuizDb.everyType(), t.teacher.id());
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    static HttpResponse<String> get(String user, String path) throws Exception {
        return web.get(user, path);
    }

    static HttpResponse<String> post(String user, String path, String... form) throws Exception {
        return web.post(user, path, form);
    }

    static HttpResponse<String> json(String user, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("X-User", user).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> upload(String user, String fileName, String content, String bank) throws Exception {
        String boundary = "----m2mkit" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\n"
                + (fileName.endsWith(".xml") ? "xml" : "gift") + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"bank\"\r\n\r\n" + bank + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/quizzes/import"))
                .header("X-User", user).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String location(HttpResponse<String> r) {
        return QuizHttp.location(r);
    }

    @Test
    void theBankBrowserFiltersByTagAndTheEditorMakesVersions() throws Exception {
        HttpResponse<String> all = get("teacher", "/quizzes/bank");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("Pub-sub protocol").contains("Celsius").contains("objective:protocols (1)");
        HttpResponse<String> tagged = get("teacher", "/quizzes/bank?tag=objective%3Acellular");
        assertThat(tagged.body()).contains("Low-power cellular").doesNotContain("Pub-sub protocol");
        assertThat(get("ada", "/quizzes/bank").statusCode()).isEqualTo(403);

        long id = t.quizzes.banks().search(null, null, null, "Acronym").get(0).id();
        HttpResponse<String> page = get("teacher", "/quizzes/bank/questions/" + id + "/gift");
        assertThat(page.body()).contains("Preview as a student").contains("::Acronym::").contains("version 1");
        HttpResponse<String> bad = post("teacher", "/quizzes/bank/questions/" + id + "/gift", "gift", "::Acronym::Text{=a ~%x%b}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("line 1 (question &quot;Acronym&quot;): answer weight");
        String saved = location(post("teacher", "/quizzes/bank/questions/" + id + "/gift", "gift",
                "// [tag:objective:protocols]\n::Acronym::Write the acronym of Lightweight M2M, again.{=LwM2M}"));
        assertThat(get("teacher", saved).body()).contains("Saved as version 2").contains("again.");
    }

    @Test
    void importRefusesABrokenFileWithEveryProblemAndTakesAGoodOne() throws Exception {
        HttpResponse<String> bad = upload("teacher", "malformed.gift", QuizDb.resource("malformed.gift"), "Broken");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("5 problem(s), nothing imported").contains("line 4 (question &quot;Bad weight&quot;)")
                .contains("line 6 (question &quot;Unclosed&quot;)").contains("line 12 (question &quot;Bad range&quot;)");
        assertThat(t.quizzes.banks().bank("Broken")).isEmpty();

        String to = location(upload("teacher", "sample.xml", QuizDb.resource("sample.xml"), "From Moodle"));
        assertThat(to).contains("imported=3");
        long bank = t.quizzes.banks().bank("From Moodle").orElseThrow().id();
        HttpResponse<String> gift = get("teacher", "/quizzes/bank/" + bank + "/export?format=gift");
        assertThat(gift.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("From-Moodle.gift"));
        assertThat(gift.body()).contains("::Gateway role::[html]").contains("// [tag:objective:gateways]");
        HttpResponse<String> xml = get("teacher", "/quizzes/bank/" + bank + "/export?format=xml");
        assertThat(new org.m2mkit.content.questions.MoodleXml().read(xml.body(), "x"))
                .isEqualTo(t.quizzes.banks().export(bank));
        assertThat(get("teacher", "/quizzes/bank/" + bank + "/export?format=pdf").statusCode()).isEqualTo(400);
    }

    @Test
    void anInstructorBuildsPublishesAndAStudentTakesTheQuiz() throws Exception {
        String edit = location(post("teacher", "/quizzes/manage", "title", "Protocols check"));
        long quiz = Long.parseLong(edit.replaceAll("\\D", ""));
        assertThat(get("teacher", edit).body()).contains("Random draw by tag").contains("objective:cellular (1)");
        location(post("teacher", "/quizzes/" + quiz + "/slots", "tag", "objective:cellular", "count", "1", "mark", "2"));
        long order = t.quizzes.banks().search(null, null, "ordering", null).get(0).id();
        location(post("teacher", "/quizzes/" + quiz + "/slots", "question", String.valueOf(order)));
        location(post("teacher", "/quizzes/" + quiz + "/settings", "title", "Protocols check", "intro", "Two questions.",
                "shuffleAnswers", "on", "layout", "one", "timeLimit", "20", "attemptsAllowed", "2",
                "gradingMethod", "HIGHEST", "feedbackTiming", "AFTER_SUBMISSION"));
        HttpResponse<String> badLimit = post("teacher", "/quizzes/" + quiz + "/settings", "title", "x", "timeLimit", "soon",
                "gradingMethod", "HIGHEST", "feedbackTiming", "AFTER_SUBMISSION");
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(badLimit.body()).contains("The time limit &#39;soon&#39; is not accepted");

        String preview = location(post("teacher", "/quizzes/" + quiz + "/preview"));
        assertThat(get("teacher", preview).body()).contains("Preview as a student").contains("Time left");
        assertThat(get("ada", "/quizzes/" + quiz).statusCode()).as("not published yet").isEqualTo(404);
        location(post("teacher", "/quizzes/" + quiz + "/publish", "published", "true"));

        assertThat(get("ada", "/quizzes").body()).contains("Protocols check");
        assertThat(get("ada", "/quizzes/" + quiz).body()).contains("Start a new attempt").contains("20 minutes");
        String attempt = location(post("ada", "/quizzes/" + quiz + "/attempts"));
        long attemptId = Long.parseLong(attempt.replaceAll("\\D", ""));
        HttpResponse<String> take = get("ada", attempt);
        assertThat(take.body()).contains("data-remaining-ms=\"1200000\"").contains("name=\"q1\"").contains("name=\"q2.1\"")
                .contains("name=\"_csrf\"");

        HttpResponse<String> saved = json("ada", attempt + "/answers/1", "{\"values\": [\"0\"]}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).contains("\"savedAt\"").contains("\"position\":1");
        assertThat(json("bob", attempt + "/answers/1", "{\"values\": [\"1\"]}").statusCode()).isEqualTo(404);
        assertThat(json("ada", attempt + "/answers/1", "not json").body()).contains("must be JSON");
        location(post("ada", attempt, "positions", "2", "q2.1", "0", "q2.2", "1", "q2.3", "2", "q2.4", "3", "action", "save"));

        Attempt a = t.quizzes.attempts().attempt(attemptId, t.student);
        assertThat(a.items()).extracting(Attempt.Item::response).containsExactly(java.util.List.of("0"),
                java.util.List.of("0", "1", "2", "3"));
        assertThat(get("ada", attempt).body()).contains("checked=\"checked\"").contains("selected=\"selected\"");

        assertThat(get("ada", attempt + "/finish").body()).contains("Every question has an answer").contains("Submit all and finish");
        String review = location(post("ada", attempt + "/submit"));
        HttpResponse<String> result = get("ada", review);
        assertThat(result.body()).contains("Attempt results").contains("Right answer:").contains("id=\"score\"");
        assertThat(get("bob", review).statusCode()).as("another student's attempt").isEqualTo(404);

        HttpResponse<String> analytics = get("teacher", "/quizzes/" + quiz + "/analytics");
        assertThat(analytics.body()).contains("1</span> submitted attempts").contains("<svg class=\"chart\"")
                .contains("Facility").contains("Cycle order");
        assertThat(get("ada", "/quizzes/" + quiz + "/analytics").statusCode()).isEqualTo(403);
        HttpResponse<String> csv = get("teacher", "/quizzes/" + quiz + "/responses.csv");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.body().lines()).hasSize(3).first().asString().startsWith("attempt,username,position");
        assertThat(get("teacher", "/quizzes/" + quiz + "/attempts.csv").body()).contains(",ada,");
    }

    @Test
    void everySeededObjectiveQuizOfTheChapterRendersAndGrades() throws Exception {
        var chapter = org.m2mkit.content.ContentLoader.load();
        try (QuizDb seeded = new QuizDb(dir.resolve("seeded"))) {
            new Seeder(seeded.quizzes.banks(), seeded.quizzes.quizzes()).seed(chapter);
            Pages pages = new Pages(Map.of("kitVersion", "test", "mermaidVersion", "0"));
            QuizRoutes.Web web = new QuizRoutes.Web(pages, ctx -> Optional.of(seeded.teacher));
            Javalin other = Javalin.create(config -> QuizRoutes.register(config.routes, seeded.quizzes, web))
                    .start("127.0.0.1", 0);
            try {
                String base = "http://127.0.0.1:" + other.port();
                for (var o : chapter.objectives()) {
                    Quiz quiz = seeded.quizzes.quizzes().bySeedKey("objective:" + o.id()).orElseThrow();
                    assertThat(quiz.published()).as(o.id()).isTrue();
                    for (int round = 0; round < 3; round++) {
                        Attempt a = seeded.quizzes.attempts().start(quiz.id(), seeded.teacher, true);
                        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base
                                + "/quizzes/attempts/" + a.id())).build(), HttpResponse.BodyHandlers.ofString());
                        assertThat(page.statusCode()).as(o.id() + ": " + page.body()).isEqualTo(200);
                        assertThat(page.body()).contains("data-position=\"5\"");
                        seeded.quizzes.attempts().submit(a.id(), seeded.teacher);
                        HttpResponse<String> review = http.send(HttpRequest.newBuilder(URI.create(base
                                + "/quizzes/attempts/" + a.id())).build(), HttpResponse.BodyHandlers.ofString());
                        assertThat(review.body()).as(o.id()).contains("Preview results").contains("Right answer");
                    }
                }
            } finally {
                other.stop();
            }
        }
    }

    @Test
    void noQuizPageReferencesAnotherHost() throws Exception {
        Pattern url = Pattern.compile("(?:src|href|action)=\"([^\"]*)\"|https?://[^\\s\"'<]+");
        long bank = t.quizzes.banks().bank("M2M").orElseThrow().id();
        long question = t.quizzes.banks().search(bank, null, null, null).get(0).id();
        for (String path : new String[] {"/quizzes", "/quizzes/bank", "/quizzes/import", "/quizzes/manage",
                "/quizzes/bank/" + bank + "/questions/new", "/quizzes/bank/" + bank + "/questions/new?type=numeric",
                "/quizzes/bank/questions/" + question, "/quizzes/bank/questions/" + question + "/gift"}) {
            Matcher m = url.matcher(get("teacher", path).body());
            while (m.find()) {
                String found = m.group(1) != null ? m.group(1) : m.group();
                assertThat(found).as("a URL on " + path).doesNotContain("//");
            }
        }
    }
}
