package org.m2mkit.web.labs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.web.accounts.Role;
import org.m2mkit.web.grading.LabHttp;
import org.m2mkit.web.testing.RunningKit;
import org.m2mkit.web.testing.WebClient;

/**
 * A whole class in the live lab at once: forty students each start a run of their own area on one kit (its
 * embedded broker, every meter, gateway, cloud and HVAC unit its own MQTT client), each injects a spike, and every
 * run's console receives the six steps of its cycle. Fast mode (no figure timings), through the same HTTP and
 * Server-Sent Events the console's page uses. Each area has the chapter's 50 meters where the kit's MQTT clients
 * run on virtual threads (Java 24 and later); on older Java, where each client holds three threads of its own, 10
 * meters (680 clients, not 2,280), so that the test stays within what a shared build machine does reliably.
 */
class ClassroomLiveRunsIT {

    static final int STUDENTS = 40;
    static final String METERS = org.m2mkit.labs.mqtt.MqttLink.lightClients() ? "50" : "10";
    static final Duration WAIT = Duration.ofSeconds(180);
    static final List<String> STEPS = List.of("SPIKE", "ALERT", "REPORT", "PREDICTION", "COMMAND", "CONFIRMATION");

    @RegisterExtension
    static final RunningKit kit = RunningKit.with(c -> c.withLiveRuns(STUDENTS));

    @Test
    void fortyStudentsRunTheirOwnCycleAtTheSameTime() throws Exception {
        List<WebClient> students = new ArrayList<>();
        for (int i = 1; i <= STUDENTS; i++) {
            String name = String.format("class-%02d", i);
            kit.kit().accounts().create(name, "Student " + i, Role.STUDENT, name + "-password", false);
            students.add(kit.client().signIn(name, name + "-password"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(STUDENTS);
        List<SseStream> consoles = new ArrayList<>();
        try {
            // every student presses Start at once and the console follows the run at once, as the page does;
            // none waits in the queue, each gets an area of their own
            List<CompletableFuture<SseStream>> starts = new ArrayList<>();
            for (WebClient s : students) {
                starts.add(CompletableFuture.supplyAsync(() -> start(s), pool));
            }
            for (CompletableFuture<SseStream> f : starts) {
                consoles.add(f.join());
            }
            List<String> areas = new ArrayList<>();
            for (SseStream console : consoles) {
                JsonNode run = console.next("run", r -> true, WAIT).data();
                assertThat(run.get("meters").asText()).isEqualTo(METERS);
                areas.add(run.get("area").asText());
            }
            assertThat(areas).doesNotHaveDuplicates().hasSize(STUDENTS);
            WebClient instructor = kit.client().signIn("instructor", "m2m-instructor");
            assertThat(LabHttp.json(instructor.getJson("/labs/live/runs").body()).get("runs")).hasSize(STUDENTS)
                    .allSatisfy(r -> assertThat(r.get("state").asText()).isEqualTo("running, watched"));

            // each student injects a spike, and the cycle's six steps arrive on their console
            List<CompletableFuture<List<String>>> cycles = new ArrayList<>();
            for (int i = 0; i < STUDENTS; i++) {
                WebClient student = students.get(i);
                SseStream console = consoles.get(i);
                cycles.add(CompletableFuture.supplyAsync(() -> cycle(student, console), pool));
            }
            for (CompletableFuture<List<String>> c : cycles) {
                assertThat(c.join()).containsExactlyElementsOf(STEPS);
            }
        } finally {
            consoles.forEach(SseStream::close);
            for (WebClient s : students) {
                LabHttp.postJson(s, kit.port(), "/labs/live/stop", Map.of());
            }
            pool.shutdownNow();
        }
    }

    /** Starts the student's run (not queued) and opens their console on it. */
    private SseStream start(WebClient student) {
        HttpResponse<String> r = LabHttp.postJson(student, kit.port(), "/labs/live/run", Map.of("meters", METERS,
                "mode", "fast", "network", "local", "gateway", "reference"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode answer = LabHttp.json(r.body());
        assertThat(answer.get("queued").isNull()).as("not queued: %s", answer).isTrue();
        return new SseStream(kit.port(), student.cookie("m2mkit_session"));
    }

    /** The steps of the cycle a spike starts, as the student's console receives them. */
    private List<String> cycle(WebClient student, SseStream events) {
        try {
            HttpResponse<String> spike = LabHttp.postJson(student, kit.port(), "/labs/live/spike", Map.of());
            assertThat(spike.statusCode()).as(spike.body()).isEqualTo(200);
            int cycle = events.next("entry", e -> "SPIKE".equals(e.path("milestone").asText()), WAIT).data()
                    .get("cycle").asInt();
            List<String> seen = new ArrayList<>(List.of("SPIKE"));
            for (String step : STEPS.subList(1, STEPS.size())) {
                events.next("entry", e -> step.equals(e.path("milestone").asText()) && e.path("cycle").asInt() == cycle,
                        WAIT);
                seen.add(step);
            }
            return seen;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
