package org.m2mkit.web.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.grader.jshell.JShellEngines;
import org.m2mkit.web.app.Kit;
import org.m2mkit.web.testing.RunningKit;
import org.m2mkit.web.testing.WebClient;

/** The notebook API over real HTTP, signed in as the demo student, with real sandboxed engines. */
class JShellApiIT {
    @TempDir
    static Path data;
    static Kit kit;
    static JsonApi student;

    @BeforeAll
    static void start() {
        kit = Kit.start(RunningKit.config(data));
        student = new JsonApi(new WebClient(kit.port()).signIn("student", "m2m-student"), kit.port());
    }

    @AfterAll
    static void stop() {
        kit.close();
    }

    @Test
    void aSecondCellUsesWhatTheFirstDefined() {
        String id = student.open("gateways");
        JsonApi.Answer first = student.eval(id, "int meters = 50;\nint bytes = 120;");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().at("/snippets/1/name").asText()).isEqualTo("bytes");
        JsonApi.Answer second = student.eval(id, "meters * bytes");
        assertThat(second.body().at("/snippets/0/status").asText()).isEqualTo("ok");
        assertThat(second.body().at("/snippets/0/value").asText()).isEqualTo("6000");
        // the same lesson opened again (a reload) is the same notebook
        JsonApi.Answer again = student.post("/api/jshell/sessions", Map.of("lesson", "gateways"));
        assertThat(again.body().get("id").asText()).isEqualTo(id);
        assertThat(again.body().get("resumed").asBoolean()).isTrue();
    }

    @Test
    void aCompileErrorComesWithItsPosition() {
        String id = student.open("cellular");
        String code = "int a = 1;\nint b = a +;";
        JsonApi.Answer r = student.eval(id, code);
        assertThat(r.body().at("/snippets/1/status").asText()).isEqualTo("error");
        assertThat(r.body().at("/snippets/1/diagnostics/0/start").asInt()).isEqualTo(code.lastIndexOf(';'));
        assertThat(r.body().at("/snippets/1/diagnostics/0/message").asText()).isNotBlank();
    }

    @Test
    void cellsTooDeepForTheCompilerAreACompileErrorAndOneLogLine() throws Exception {
        String id = student.open("messaging");
        JsonApi.Answer before = student.eval(id, "int kept = 7;");
        assertThat(before.status()).isEqualTo(200);
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String cell : new String[] {"(".repeat(9000), "(".repeat(9000) + "1" + ")".repeat(9000),
                    "int x = " + "-".repeat(9000) + "1;", "{".repeat(9000), "1" + "+1".repeat(9000),
                    "Runnable r = " + "() -> ".repeat(3000) + "null;"}) {
                JsonApi.Answer r = student.eval(id, cell);
                assertThat(r.status()).as(cell.substring(0, 20)).isEqualTo(200);
                assertThat(r.body().at("/snippets/0/status").asText()).as(cell.substring(0, 20))
                        .isIn("error", "ok", "recoverable");
                if (r.body().at("/snippets/0/status").asText().equals("error")) {
                    assertThat(r.body().at("/snippets/0/diagnostics/0/message").asText()).isNotBlank();
                }
            }
        } finally {
            System.setErr(err);
        }
        String logged = log.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(logged).doesNotContain("\tat ").doesNotContain("Caused by");
        assertThat(logged.lines().count()).as(logged).isLessThanOrEqualTo(6);
        // the notebook goes on with what it had
        JsonApi.Answer after = student.eval(id, "kept * 6");
        assertThat(after.body().at("/snippets/0/value").asText()).isEqualTo("42");
    }

    @Test
    void endlessLoopsAndSystemExitEndWithAMessageAndTheServerStaysUp() {
        String id = student.open("autonomy");
        JsonApi.Answer loop = student.eval(id, "while (true) {}");
        assertThat(loop.status()).isEqualTo(200);
        assertThat(loop.body().at("/snippets/0/status").asText())
                .isEqualTo(JShellEngines.stopsRunawaySnippets() ? "stopped" : "ended");
        assertThat(loop.body().get("notice").asText()).contains("time limit");
        JsonApi.Answer exit = student.eval(id, "System.exit(0);");
        assertThat(exit.body().at("/snippets/0/status").asText()).isEqualTo("ended");
        assertThat(exit.body().get("notice").asText()).contains("System.exit");
        JsonApi.Answer after = student.eval(id, "2 + 2");
        assertThat(after.body().at("/snippets/0/value").asText()).isEqualTo("4");
        assertThat(after.body().get("restarted").asBoolean()).isTrue();
        assertThat(new WebClient(kit.port()).get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void completionsAndDocumentation() {
        String id = student.open("protocols");
        JsonApi.Answer c = student.post("/api/jshell/sessions/" + id + "/complete",
                Map.of("code", "String.valueO", "cursor", 13));
        assertThat(c.status()).isEqualTo(200);
        assertThat(c.body().get("anchor").asInt()).isEqualTo(7);
        assertThat(c.body().get("suggestions").toString()).contains("valueOf(");
        JsonApi.Answer d = student.post("/api/jshell/sessions/" + id + "/docs",
                Map.of("code", "Math.abs(", "cursor", 9));
        assertThat(d.body().get("docs").toString()).contains("abs(int");
    }

    @Test
    void refusalsAreJsonWithAClearMessage() {
        JsonApi anonymous = new JsonApi(new WebClient(kit.port()), kit.port());
        JsonApi.Answer noSignIn = anonymous.post("/api/jshell/sessions", Map.of("lesson", "gateways"));
        assertThat(noSignIn.status()).isEqualTo(401);
        assertThat(noSignIn.body().get("error").asText()).isNotBlank();

        JsonApi.Answer noToken = student.post("/api/jshell/sessions", Map.of("lesson", "gateways"), null);
        assertThat(noToken.status()).isEqualTo(403);

        JsonApi.Answer badJson = student.post("/api/jshell/sessions", "{lesson:");
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.body().get("error").asText()).contains("not valid JSON");

        String id = student.open("summary");
        JsonApi.Answer noCode = student.post("/api/jshell/sessions/" + id + "/eval", Map.of("source", "1"));
        assertThat(noCode.status()).isEqualTo(400);
        assertThat(noCode.body().get("error").asText()).contains("\"code\"");

        JsonApi instructor = new JsonApi(new WebClient(kit.port()).signIn("instructor", "m2m-instructor"),
                kit.port());
        JsonApi.Answer notYours = instructor.eval(id, "1");
        assertThat(notYours.status()).isEqualTo(410);
        assertThat(notYours.body().get("error").asText()).contains("no JShell session");
    }

    @Test
    void aStudentWhoRunsTooFastIsToldHowLongToWait() {
        JsonApi fast = new JsonApi(new WebClient(kit.port()).signIn("instructor", "m2m-instructor"), kit.port());
        String id = fast.open("objectives");
        JsonApi.Answer last = null;
        // resets are runs too, and cheap: the burst is used up long before the bucket refills
        for (int i = 0; i < 500 && (last == null || last.status() == 200); i++) {
            last = fast.post("/api/jshell/sessions/" + id + "/reset", Map.of());
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.body().get("error").asText()).contains("try again in");
        assertThat(last.body().get("retryAfterSeconds").asLong()).isPositive();
        assertThat(last.raw().headers().firstValue("Retry-After")).isPresent();
    }
}
