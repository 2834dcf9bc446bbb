package org.m2mkit.web.quizzes;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.m2mkit.web.accounts.Account;
import org.m2mkit.web.app.Pages;
import org.m2mkit.web.testing.TestDatabase;

/**
 * The quiz pages on a real server over a real database ({@link QuizDb}); who is asking comes from the
 * {@code X-User} header (teacher, ada, bob), so each request can come from another person.
 */
final class QuizHttp implements AutoCloseable {

    final QuizDb t;
    final Javalin app;
    private final HttpClient http = HttpClient.newHttpClient();

    QuizHttp(Path dir) {
        this(dir, TestDatabase.H2);
    }

    QuizHttp(Path dir, TestDatabase database) {
        t = new QuizDb(dir, database);
        Map<String, Account> people = Map.of("teacher", t.teacher, "ada", t.student, "bob", t.other);
        Pages pages = new Pages(Map.of("kitVersion", "test", "mermaidVersion", "0"));
        QuizRoutes.Web web = new QuizRoutes.Web(pages, ctx -> Optional.ofNullable(ctx.header("X-User")).map(people::get));
        app = Javalin.create(config -> QuizRoutes.register(config.routes, t.quizzes, web)).start("127.0.0.1", 0);
    }

    HttpResponse<String> get(String user, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("X-User", user).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form given as name, value, name, value... */
    HttpResponse<String> post(String user, String path, String... form) throws Exception {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (int i = 0; i + 1 < form.length; i += 2) {
            fields.add(Map.entry(form[i], form[i + 1]));
        }
        return post(user, path, fields);
    }

    HttpResponse<String> post(String user, String path, List<Map.Entry<String, String>> form) throws Exception {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> f : form) {
            body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8));
        }
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("X-User", user).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Where a 303 answer sends the browser. */
    static String location(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return r.headers().firstValue("Location").orElseThrow();
    }

    @Override
    public void close() {
        app.stop();
        t.close();
    }
}
