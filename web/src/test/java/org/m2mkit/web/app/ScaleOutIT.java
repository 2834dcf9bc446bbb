package org.m2mkit.web.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.web.accounts.Role;
import org.m2mkit.web.config.KitConfig;
import org.m2mkit.web.grading.LabHttp;
import org.m2mkit.web.testing.Mosquitto;
import org.m2mkit.web.testing.Poll;
import org.m2mkit.web.testing.PostgresServer;
import org.m2mkit.web.testing.RunningKit;
import org.m2mkit.web.testing.WebClient;

/**
 * Acceptance of the scale-out path: two kits on one PostgreSQL database and one Mosquitto, started at the same
 * moment, with a grader worker ({@code m2mkit worker}, the packaged kit as its own process) beside them. Kit A only
 * serves pages; kit B and the worker grade from the shared queue. The worker is killed with SIGKILL in the middle
 * of a grading; every submission is still graded exactly once and visible through both kits. A student's session
 * and quiz attempt move between the kits as a load balancer would move them.
 */
class ScaleOutIT {

    static final Path JAR = Path.of("target", "m2mkit.jar");

    @TempDir
    static Path dir;

    static Mosquitto mosquitto;
    static String dbUrl;
    static Kit a;
    static Kit b;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(PostgresServer.unavailable() == null, PostgresServer::unavailable);
        mosquitto = Mosquitto.start(dir);
        dbUrl = PostgresServer.shared().newDatabase();
        // both at once: migrations, demo accounts and the chapter's seeding must each happen once
        CompletableFuture<Kit> startA = CompletableFuture.supplyAsync(() -> Kit.start(config("a").withGradingSlots(0)));
        CompletableFuture<Kit> startB = CompletableFuture.supplyAsync(() -> Kit.start(config("b").withGradingSlots(1)));
        a = startA.join();
        b = startB.join();
    }

    static KitConfig config(String name) {
        return RunningKit.config(dir.resolve(name)).withDatabase(dbUrl, PostgresServer.LOGIN)
                .withBroker(mosquitto.url(), null, null).withSharedQueue(true);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (AutoCloseable part : new AutoCloseable[] {a, b, mosquitto}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                // keep stopping the rest
            }
        }
    }

    @Test
    void everySubmissionIsGradedExactlyOnceThoughTheWorkerIsKilledMidGrading() throws Exception {
        Process worker = startWorker();
        try {
            List<WebClient> students = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                a.accounts().create("scale" + i, "Scale Student " + i, Role.STUDENT, "scale-password-" + i, false);
                Kit via = i % 2 == 0 ? a : b;
                students.add(new WebClient(via.port()).signIn("scale" + i, "scale-password-" + i));
            }
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < students.size(); i++) {
                ids.add(LabHttp.submit(students.get(i), (i % 2 == 0 ? a : b).port(), "gateway",
                        LabHttp.referenceGateway()));
            }
            assertThat(Poll.until(() -> !heldBy("worker@").isEmpty()))
                    .as("the worker claims a submission and begins grading it").isTrue();
            worker.destroyForcibly(); // SIGKILL: no shutdown hook gives its submissions back
            assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
            List<Long> orphaned = heldBy("worker@");
            assertThat(orphaned).as("the killed worker was in the middle of a grading").isNotEmpty();

            WebClient teacherA = new WebClient(a.port()).signIn("instructor", "m2m-instructor");
            WebClient teacherB = new WebClient(b.port()).signIn("instructor", "m2m-instructor");
            for (long id : ids) {
                JsonNode viaA = LabHttp.awaitGraded(teacherA, id);
                assertThat(viaA.get("status").asText()).as("submission " + id).isEqualTo("DONE");
                // graded in the sandbox (on a machine this busy a timed test of the suite may cost a few points)
                assertThat(viaA.get("gradable").asBoolean()).as(viaA.toString()).isTrue();
                assertThat(viaA.get("score").asDouble()).as(viaA.toString()).isPositive();
                JsonNode viaB = LabHttp.json(teacherB.getJson("/api/submissions/" + id).body());
                assertThat(viaB.get("status").asText()).isEqualTo("DONE");
                assertThat(viaB.get("score").asDouble()).isEqualTo(viaA.get("score").asDouble());
                assertThat(viaB.get("tests")).isEqualTo(viaA.get("tests"));
            }
            // the submission limit is counted in the database: kit B knows what the student submitted on kit A,
            // and a submission that does not compile, graded wherever, costs no attempt on either kit
            WebClient firstOnB = new WebClient(b.port());
            firstOnB.cookies(students.get(0));
            assertThat(allowance(firstOnB, ids.get(0))).as("one of five used, seen from kit B").isEqualTo(4);
            long broken = LabHttp.submit(firstOnB, b.port(), "gateway", "package mine; public class Broken {");
            assertThat(LabHttp.awaitGraded(teacherA, broken).get("gradable").asBoolean()).isFalse();
            assertThat(allowance(students.get(0), broken)).as("still four, seen from kit A").isEqualTo(4);

            JsonNode health = LabHttp.json(new WebClient(a.port()).getJson("/health").body());
            assertThat(health.toString()).as("kit A reports the queue of every grader")
                    .contains("\"sharedQueue\":").contains("\"slotsHere\":0");

            Map<Long, String[]> rows = rows(ids);
            assertThat(rows).hasSize(ids.size());
            for (long id : ids) {
                String[] row = rows.get(id);
                if (orphaned.contains(id)) {
                    assertThat(row[0]).as("graded again, by kit B, after the lease ran out").startsWith("kit@");
                    assertThat(row[1]).as("grading begun twice: by the dead worker and by kit B").isEqualTo("2");
                } else {
                    assertThat(row[1]).as("submission " + id + " graded in one go").isEqualTo("1");
                }
            }
        } finally {
            worker.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSessionAndAQuizAttemptCarryOverFromOneKitToTheOther() throws Exception {
        WebClient teacher = new WebClient(a.port()).signIn("instructor", "m2m-instructor");
        String bank = "// [tag:nodes]\n::Broker::Which protocol publishes to a broker?{=MQTT ~HTTP ~FTP}\n\n"
                + "// [tag:nodes]\n::Box::The box between meters and the cloud is the ...{=gateway}\n";
        location(teacher.post("/quizzes/import", Map.of("text", bank, "format", "gift", "bank", "Two nodes")));
        long quiz = idFrom(location(teacher.post("/quizzes/manage", Map.of("title", "Two nodes quiz"))));
        location(teacher.post("/quizzes/" + quiz + "/slots", Map.of("tag", "nodes", "count", "2")));
        location(teacher.post("/quizzes/" + quiz + "/publish", Map.of("published", "true")));

        WebClient onA = new WebClient(a.port()).signIn("student", "m2m-student");
        WebClient onB = new WebClient(b.port());
        onB.cookies(onA); // the load balancer sends the same browser to kit B
        HttpResponse<String> home = onB.get("/labs/gateway");
        assertThat(home.statusCode()).as("signed in on kit B with kit A's cookie").isEqualTo(200);
        assertThat(home.body()).contains("Demo Student");

        long attempt = idFrom(location(onA.post("/quizzes/" + quiz + "/attempts", Map.of())));
        String page = onB.get("/quizzes/attempts/" + attempt).body();
        List<String> saved = new ArrayList<>();
        for (int position = 1; position <= 2; position++) {
            String section = page.substring(page.indexOf("id=\"q" + position + "\""));
            String input = section.replaceAll("(?s)^.*?data-input=\"([a-z]+)\".*$", "$1");
            String value = input.equals("radio") ? "0" : "gateway";
            HttpResponse<String> r = autosave(position % 2 == 1 ? onB : onA, position % 2 == 1 ? b : a, attempt,
                    position, value);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            saved.add(value);
        }
        String back = onA.get("/quizzes/attempts/" + attempt).body();
        for (String value : saved) {
            if (value.equals("0")) {
                assertThat(back).containsPattern("value=\"0\"\\s+checked=\"checked\"");
            } else {
                assertThat(back).contains("value=\"gateway\"");
            }
        }
        HttpResponse<String> submitted = onB.post("/quizzes/attempts/" + attempt + "/submit", Map.of());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(303);
        assertThat(onA.get(location(submitted)).body()).contains("Two nodes quiz");
    }

    private static int allowance(WebClient student, long submission) {
        return LabHttp.json(student.getJson("/api/submissions/" + submission).body()).get("allowance")
                .get("remaining").asInt();
    }

    private static Process startWorker() throws IOException {
        assertThat(JAR).as("the packaged kit (built by the package phase)").isRegularFile();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", JAR.toString(), "worker", "--db-url", dbUrl,
                "--db-user", PostgresServer.LOGIN.user(), "--slots", "2", "--data", dir.resolve("worker").toString())
                .redirectErrorStream(true);
        pb.environment().put("M2MKIT_DB_PASSWORD", PostgresServer.LOGIN.password());
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        for (String line; (line = out.readLine()) != null; ) {
            lines.add(line);
            if (line.contains("is grading from")) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "worker-output");
                drain.setDaemon(true);
                drain.start();
                return p;
            }
        }
        throw new AssertionError("the worker did not start: " + String.join("\n", lines));
    }

    /** The submissions that a worker whose id starts with {@code prefix} holds and is grading. */
    private static List<Long> heldBy(String prefix) {
        List<Long> ids = new ArrayList<>();
        query("SELECT id FROM lab_submission WHERE status IN ('COMPILING', 'TESTING') AND worker_id LIKE '" + prefix
                + "%'", rs -> ids.add(rs.getLong(1)));
        return ids;
    }

    /** Who graded each submission, and how many times grading it was begun. */
    private static Map<Long, String[]> rows(List<Long> ids) {
        Map<Long, String[]> rows = new HashMap<>();
        query("SELECT id, worker_id, attempts FROM lab_submission", rs -> {
            if (ids.contains(rs.getLong(1))) {
                rows.put(rs.getLong(1), new String[] {rs.getString(2), Integer.toString(rs.getInt(3))});
            }
        });
        return rows;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(String sql, RowReader reader) {
        try (Connection c = DriverManager.getConnection(dbUrl, PostgresServer.LOGIN.user(),
                PostgresServer.LOGIN.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> autosave(WebClient client, Kit kit, long attempt, int position, String value) {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + kit.port() + "/quizzes/attempts/"
                        + attempt + "/answers/" + position))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-CSRF-Token", client.csrf())
                .POST(HttpRequest.BodyPublishers.ofString("{\"values\":[\"" + value + "\"]}")).build());
    }

    private static long idFrom(String location) {
        return Long.parseLong(location.replaceAll("^.*/(\\d+)(/edit)?$", "$1"));
    }

    private static String location(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return r.headers().firstValue("Location").orElseThrow();
    }
}
