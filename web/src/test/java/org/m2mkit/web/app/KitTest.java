package org.m2mkit.web.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.content.ContentLoader;
import org.m2mkit.web.config.KitConfig;

/** The whole kit on a free port with a real H2 database and a real embedded broker, spoken to over HTTP. */
class KitTest {

    @TempDir
    static Path data;

    static Kit kit;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        kit = Kit.start(KitConfig.forTests(data));
    }

    @AfterAll
    static void stop() {
        kit.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + kit.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theHomePageListsTheObjectivesTheSectionsAndTheCycleDiagram() throws Exception {
        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        var chapter = ContentLoader.load();
        chapter.objectives().forEach(o -> assertThat(home.body()).contains(o.title()));
        chapter.lessons().forEach(l -> assertThat(home.body()).contains("href=\"/lessons/" + l.id() + "\""));
        assertThat(home.body()).contains("<pre class=\"mermaid\">sequenceDiagram")
                .contains("/webjars/mermaid/" + BuildInfo.load().mermaidVersion() + "/dist/mermaid.min.js");
    }

    @Test
    void noPageReferencesAnotherHost() throws Exception {
        Pattern url = Pattern.compile("(?:src|href|action)=\"([^\"]*)\"|url\\(([^)]*)\\)|https?://[^\\s\"'<]+");
        for (String path : new String[] {"/", "/lessons/m2m-vs-iot", "/no-such-page", "/assets/css/kit.css"}) {
            Matcher m = url.matcher(get(path).body());
            while (m.find()) {
                String found = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group();
                assertThat(found).as("a URL on " + path).doesNotContain("//");
            }
        }
    }

    @Test
    void everySectionPageRendersWithNavigation() throws Exception {
        var lessons = ContentLoader.load().lessons();
        for (var lesson : lessons) {
            HttpResponse<String> page = get("/lessons/" + lesson.id());
            assertThat(page.statusCode()).as(lesson.id()).isEqualTo(200);
            assertThat(page.body()).contains(lesson.title().replace("\"", "&quot;")).contains("aria-current=\"page\"");
        }
        assertThat(get("/lessons/" + lessons.get(0).id()).body())
                .contains("href=\"/lessons/" + lessons.get(1).id() + "\"");
    }

    @Test
    void unknownPagesGetAFriendly404WithoutInternals() throws Exception {
        HttpResponse<String> missing = get("/lessons/no-such-lesson");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found").contains("There is no section")
                .doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void healthReportsDatabaseBrokerAndGrader() throws Exception {
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode json = new ObjectMapper().readTree(health.body());
        assertThat(json.path("status").asText()).isEqualTo("ok");
        assertThat(json.path("database").path("status").asText()).isEqualTo("up");
        assertThat(json.path("broker").path("status").asText()).isEqualTo("up");
        assertThat(json.path("broker").path("url").asText()).isEqualTo(kit.brokerUrl());
        assertThat(json.path("grader").path("status").asText()).isEqualTo("up");
        assertThat(json.path("lwm2m").path("status").asText()).isEqualTo("up");
        assertThat(json.path("lwm2m").path("url").asText()).matches("coap://127\\.0\\.0\\.1:[1-9][0-9]*");
        assertThat(json.path("lwm2m").path("transport").asText()).isEqualTo("CoAP over UDP");
    }

    @Test
    void staticAssetsComeFromTheJarWithCacheHeaders() throws Exception {
        HttpResponse<String> css = get("/assets/css/kit.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
        HttpResponse<String> mermaid = get("/webjars/mermaid/" + BuildInfo.load().mermaidVersion() + "/dist/mermaid.min.js");
        assertThat(mermaid.statusCode()).isEqualTo(200);
        assertThat(mermaid.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
    }

    @Test
    void demoAccountsExistWithHashedPasswords() {
        var accounts = kit.accounts();
        assertThat(accounts.authenticate("student", "m2m-student")).isPresent();
        assertThat(accounts.authenticate("student", "wrong")).isEmpty();
        assertThat(accounts.authenticate("instructor", "m2m-instructor")).hasValueSatisfying(
                a -> assertThat(a.role()).isEqualTo(org.m2mkit.web.accounts.Role.INSTRUCTOR));
    }
}
