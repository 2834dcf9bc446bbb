package org.m2mkit.web.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.grader.gateway.GatewayLab;
import org.m2mkit.web.accounts.Role;
import org.m2mkit.web.app.Kit;
import org.m2mkit.web.config.KitConfig;
import org.m2mkit.web.testing.WebClient;

/** Lab submissions and the gradebook over real HTTP against a whole kit with its real grader and sandbox. */
class LabSubmissionsIT {

    /** Gets no point for any scenario, but compiles and runs. */
    static final String CONSTANT_ADVISOR = """
            package mine;

            import org.m2mkit.labs.api.*;

            public class Always implements ProtocolAdvisor {
                public Recommendation recommend(Scenario s) {
                    return new Recommendation(Protocol.MQTT, Link.LTE_4G, "always the same");
                }
            }
            """;

    static final String COMPILE_ERROR = """
            package mine;

            import java.util.List;
            import org.m2mkit.labs.api.*;

            public class Broken implements Gateway {
                public Broken(GatewayConfig config) { }
                public List<Alert> onReading(MeterReading r) { return List.of() }
                public AreaReport report(long now) { return null; }
                public List<HvacCommand> onDemandResponse(DemandResponse d) { return List.of(); }
            }
            """;

    @TempDir
    static Path data;

    static Kit kit;

    @BeforeAll
    static void start() {
        kit = Kit.start(KitConfig.forTests(data));
        kit.accounts().create("ada", "Ada Lovelace", Role.STUDENT, "ada-password-1", false);
        kit.accounts().create("alan", "Alan Turing", Role.STUDENT, "alan-password-1", false);
        kit.accounts().create("grace", "Grace Hopper", Role.STUDENT, "grace-password-1", false);
        kit.accounts().create("barbara", "Barbara Liskov", Role.STUDENT, "barbara-password-1", false);
    }

    @AfterAll
    static void stop() {
        kit.close();
    }

    WebClient signIn(String user, String password) {
        return new WebClient(kit.port()).signIn(user, password);
    }

    @Test
    void theReferenceGatewayGetsFullMarksAndUsesOneAttempt() {
        WebClient student = signIn("student", "m2m-student");
        assertThat(student.get("/labs/gateway").body()).contains("You may submit 5 more time(s) now");

        long id = LabHttp.submit(student, kit.port(), "gateway", LabHttp.referenceGateway());
        JsonNode done = LabHttp.awaitGraded(student, id);

        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("counted").asBoolean()).isTrue();
        assertThat(done.get("score").asDouble()).isEqualTo(100.0);
        assertThat(done.get("tests")).isNotEmpty();
        assertThat(done.get("tests")).allSatisfy(t -> assertThat(t.get("passed").asBoolean()).isTrue());
        assertThat(done.get("allowance").get("remaining").asLong()).isEqualTo(4);

        String page = student.get("/labs/submissions/" + id).body();
        assertThat(page).contains("100 / 100").contains("ReferenceGateway.java");
        assertThat(student.get("/labs/gateway").body()).contains("#" + id).contains("You may submit 4 more");

        WebClient teacher = signIn("instructor", "m2m-instructor");
        assertThat(teacher.get("/instructor/gradebook").body()).contains("Demo Student")
                .contains("/labs/submissions/" + id);
        String csv = teacher.get("/instructor/gradebook.csv").body();
        assertThat(csv.lines().findFirst().orElseThrow())
                .startsWith("username,name,lab_gateway_best,lab_gateway_latest,lab_gateway_attempts,lab_protocol_best");
        assertThat(csv).contains("student,Demo Student,100,100,1,,,0");
        assertThat(teacher.get("/labs/submissions/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void aCompileErrorShowsItsLineAndCostsNoAttempt() {
        WebClient ada = signIn("ada", "ada-password-1");
        long id = LabHttp.submit(ada, kit.port(), "gateway", COMPILE_ERROR);
        JsonNode done = LabHttp.awaitGraded(ada, id);

        assertThat(done.get("gradable").asBoolean()).isFalse();
        assertThat(done.get("counted").asBoolean()).isFalse();
        assertThat(done.get("output").asText()).contains("Broken.java:8: error:").contains("costs no attempt");
        assertThat(done.get("allowance").get("remaining").asLong()).isEqualTo(5);
        assertThat(ada.get("/labs/submissions/" + id).body()).contains("Broken.java:8: error:")
                .contains("does not compile (costs no attempt)");
        // nobody else's business
        assertThat(signIn("alan", "alan-password-1").getJson("/api/submissions/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void someoneElsesSubmissionAnswersExactlyAsAMissingOne() {
        WebClient barbara = signIn("barbara", "barbara-password-1");
        long id = LabHttp.submit(barbara, kit.port(), "protocol", COMPILE_ERROR);
        LabHttp.awaitGraded(barbara, id); // the grader is free again for the other tests
        long missing = id + 1_000_000;
        WebClient alan = signIn("alan", "alan-password-1");
        for (String base : new String[] {"/labs/submissions/", "/api/submissions/"}) {
            HttpResponse<String> theirs = base.startsWith("/api") ? alan.getJson(base + id) : alan.get(base + id);
            HttpResponse<String> none = base.startsWith("/api") ? alan.getJson(base + missing)
                    : alan.get(base + missing);
            assertThat(theirs.statusCode()).as(base).isEqualTo(404);
            assertThat(none.statusCode()).as(base).isEqualTo(404);
            assertThat(theirs.body().replace(base + id, base + "N"))
                    .isEqualTo(none.body().replace(base + missing, base + "N"));
        }
        assertThat(barbara.getJson("/api/submissions/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void theRateLimitRefusesTheSixthSubmissionAndSaysWhenTheNextIsAllowed() {
        WebClient grace = signIn("grace", "grace-password-1");
        for (int i = 0; i < 5; i++) {
            // one at a time: a student's next submission is refused while an earlier one waits in the queue
            LabHttp.awaitGraded(grace, LabHttp.submit(grace, kit.port(), "protocol", CONSTANT_ADVISOR));
        }
        HttpResponse<String> refused = LabHttp.postJson(grace, kit.port(), "/labs/protocol/submissions",
                Map.of("source", CONSTANT_ADVISOR));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        JsonNode body = LabHttp.json(refused.body());
        assertThat(body.get("error").asText()).contains("the next one is allowed in");
        assertThat(body.get("allowance").get("allowed").asBoolean()).isFalse();
        assertThat(grace.get("/labs/protocol").body()).contains("Your next submission is allowed in");
        // the other lab has its own allowance
        assertThat(grace.get("/labs/gateway").body()).contains("You may submit 5 more");
    }

    @Test
    void aZipUploadIsGradedAndScriptInCodeIsShownAsText() throws Exception {
        WebClient alan = signIn("alan", "alan-password-1");
        String hostile = CONSTANT_ADVISOR.replace("always the same", "</pre><script>alert(1)</script>");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("src/mine/Always.java"));
            out.write(hostile.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        HttpResponse<String> r = LabHttp.upload(alan, kit.port(), "/labs/protocol/submissions", "mine.zip",
                zip.toByteArray());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        long id = LabHttp.json(r.body()).get("id").asLong();
        JsonNode done = LabHttp.awaitGraded(alan, id);
        assertThat(done.get("counted").asBoolean()).isTrue();
        assertThat(done.get("score").asDouble()).isBetween(0.0, 99.0);

        String page = alan.get("/labs/submissions/" + id).body();
        assertThat(page).contains("&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        assertThat(page).contains("upload").contains("src/mine/Always.java");
    }

    @Test
    void badInputGetsAOneLineAnswer() {
        WebClient alan = signIn("alan", "alan-password-1");
        HttpResponse<String> empty = LabHttp.postJson(alan, kit.port(), "/labs/gateway/submissions", Map.of("source", " "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(LabHttp.json(empty.body()).get("error").asText()).contains("There is no code to grade");
        HttpResponse<String> notJava = LabHttp.upload(alan, kit.port(), "/labs/gateway/submissions", "notes.txt",
                "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(notJava.statusCode()).isEqualTo(400);
        assertThat(LabHttp.json(notJava.body()).get("error").asText()).contains("is not a .java or a .zip file");
        // without a script: the page again, with the message
        HttpResponse<String> form = alan.post("/labs/gateway/submissions", Map.of("source", ""));
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(form.body()).contains("There is no code to grade").doesNotContain("Exception");
    }

    @Test
    void theStarterKitHoldsTheApiAndAClassThatCompiles() throws Exception {
        WebClient student = signIn("student", "m2m-student");
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + kit.port() + "/labs/gateway/starter-kit.zip"))
                .header("Cookie", "m2mkit_session=" + student.cookie("m2mkit_session")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(r.body()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                files.put(e.getName().substring("m2mkit-gateway-lab/".length()),
                        new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertThat(files).containsKeys("src/main/java/org/m2mkit/labs/api/Gateway.java",
                "src/main/java/student/MyGateway.java", "src/test/java/student/VisibleGatewayTest.java", "pom.xml",
                "README.md");
        // the very kit that 'm2mkit grade --starter gateway DIR' writes
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("starter");
        org.m2mkit.grader.starter.StarterKit.write(GatewayLab.LAB, dir.resolve("kit"));
        java.util.Map<String, String> written = new java.util.TreeMap<>();
        try (var walk = java.nio.file.Files.walk(dir.resolve("kit"))) {
            for (var p : walk.filter(java.nio.file.Files::isRegularFile).toList()) {
                written.put(dir.resolve("kit").relativize(p).toString().replace('\\', '/'), java.nio.file.Files.readString(p));
            }
        }
        assertThat(files).isEqualTo(written);
        assertThat(files.get("README.md")).doesNotContain("specs/");
    }

    @Test
    void routesAreForTheRightPeopleOnly() {
        WebClient anonymous = new WebClient(kit.port());
        assertThat(anonymous.get("/labs/gateway").statusCode()).isEqualTo(302);
        assertThat(anonymous.get("/labs/live").statusCode()).isEqualTo(302);
        assertThat(anonymous.get("/instructor/gradebook").statusCode()).isEqualTo(302);
        assertThat(anonymous.getJson("/api/submissions/1").statusCode()).isEqualTo(401);
        assertThat(anonymous.post("/labs/gateway/submissions", Map.of("source", "x")).statusCode()).isEqualTo(401);
        assertThat(anonymous.post("/labs/live/run", Map.of()).statusCode()).isEqualTo(401);

        WebClient student = signIn("student", "m2m-student");
        assertThat(student.get("/instructor/gradebook").statusCode()).isEqualTo(403);
        assertThat(student.get("/instructor/gradebook.csv").statusCode()).isEqualTo(403);
        assertThat(student.get("/instructor/students/1/submissions").statusCode()).isEqualTo(403);
        assertThat(student.get("/labs/submissions/999999").statusCode()).isEqualTo(404);
        assertThat(student.postWithoutToken("/labs/gateway/submissions", Map.of("source", "x")).statusCode())
                .isEqualTo(403);
        assertThat(student.postWithoutToken("/labs/live/run", Map.of()).statusCode()).isEqualTo(403);

        WebClient teacher = signIn("instructor", "m2m-instructor");
        assertThat(teacher.get("/instructor/gradebook").statusCode()).isEqualTo(200);
        assertThat(teacher.get("/instructor/gradebook.csv").headers().firstValue("Content-Type").orElse(""))
                .startsWith("text/csv");
        assertThat(teacher.get("/labs/live").statusCode()).isEqualTo(200);
        assertThat(teacher.get("/labs/gateway").statusCode()).isEqualTo(200);
    }

    @Test
    void theStandardsLabIsOfferedGradedAndBookedThroughTheRegistry() throws Exception {
        WebClient barbara = signIn("barbara", "barbara-password-1");
        String home = barbara.get("/").body();
        assertThat(home).contains("href=\"/labs\"");
        assertThat(barbara.get("/labs").body()).contains("href=\"/labs/standards\"")
                .contains("Standards lab: bridging a Modbus meter").contains("/labs/standards/starter-kit.zip");
        String page = barbara.get("/labs/standards").body();
        assertThat(page).contains("Standards lab: bridging a Modbus meter").contains("MeterBridge")
                .contains("href=\"/handouts/standards-lab\"").contains("public class MyBridge implements MeterBridge")
                .doesNotContain("Run your gateway in the live lab");
        assertThat(barbara.get("/handouts/standards-lab").statusCode()).isEqualTo(200);

        String reference = java.nio.file.Files.readString(java.nio.file.Path.of(
                        "../grader/src/main/java/org/m2mkit/grader/standards/ReferenceBridge.java"))
                .replaceFirst("package org\\.m2mkit\\.grader\\.standards;", "package solution;");
        long id = LabHttp.submit(barbara, kit.port(), "standards", reference);
        JsonNode done = LabHttp.awaitGraded(barbara, id);
        assertThat(done.get("lab").asText()).isEqualTo("standards");
        assertThat(done.get("score").asDouble()).as(done.toString()).isEqualTo(100.0);
        assertThat(done.get("tests")).allSatisfy(t -> assertThat(t.get("rule").asText()).startsWith("R"));

        WebClient teacher = signIn("instructor", "m2m-instructor");
        assertThat(teacher.get("/instructor/gradebook").body()).contains("Standards lab");
        assertThat(teacher.get("/instructor/gradebook.csv").body().lines().findFirst().orElseThrow())
                .contains("lab_standards_best");
        assertThat(teacher.get("/instructor/gradebook.csv").body()).contains("barbara,Barbara Liskov");
    }
}
