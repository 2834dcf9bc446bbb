package org.m2mkit.web.labs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.web.accounts.Role;
import org.m2mkit.web.grading.LabHttp;
import org.m2mkit.web.testing.RunningKit;
import org.m2mkit.web.testing.WebClient;

/**
 * A kit of one live-lab slot: a second student's start waits in the queue, the console says the place and the
 * expected wait, and the run starts by itself on the waiting console when the slot frees.
 */
class LiveQueueIT {

    static final Duration WAIT = Duration.ofSeconds(90);
    static final Map<String, String> FAST = Map.of("meters", "5", "mode", "fast", "network", "local",
            "gateway", "reference");

    @RegisterExtension
    static final RunningKit kit = RunningKit.with(c -> c.withLiveRuns(1));

    @BeforeAll
    static void accounts() {
        kit.kit().accounts().create("edsger", "Edsger Student", Role.STUDENT, "edsger-password-1", false);
        kit.kit().accounts().create("barbara", "Barbara Student", Role.STUDENT, "barbara-password-1", false);
        kit.kit().accounts().create("donald", "Donald Student", Role.STUDENT, "donald-password-1", false);
    }

    @Test
    void aStartWhileTheSlotIsTakenWaitsAndRunsByItselfWhenItFrees() throws Exception {
        WebClient edsger = kit.client().signIn("edsger", "edsger-password-1");
        WebClient barbara = kit.client().signIn("barbara", "barbara-password-1");
        WebClient donald = kit.client().signIn("donald", "donald-password-1");
        HttpResponse<String> first = LabHttp.postJson(edsger, kit.port(), "/labs/live/run", FAST);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(LabHttp.json(first.body()).get("run").isObject()).isTrue();

        HttpResponse<String> second = LabHttp.postJson(barbara, kit.port(), "/labs/live/run", FAST);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        JsonNode answer = LabHttp.json(second.body());
        assertThat(answer.get("run").isNull()).isTrue();
        assertThat(answer.get("queued").get("position").asInt()).isEqualTo(1);
        assertThat(answer.get("message").asText()).startsWith("All 1 live-lab slot is in use: you are number 1 in "
                + "the queue, expected wait about ");
        // the page without a script says the same
        assertThat(barbara.get("/labs/live").body()).contains("you are number 1 in the queue");

        HttpResponse<String> third = LabHttp.postJson(donald, kit.port(), "/labs/live/run", FAST);
        assertThat(LabHttp.json(third.body()).get("queued").get("position").asInt()).isEqualTo(2);
        // the instructor sees how many wait
        WebClient instructor = kit.client().signIn("instructor", "m2m-instructor");
        assertThat(instructor.get("/labs/live").body()).contains("At most 1 at once; 2 waiting in the queue");

        try (SseStream waiting = new SseStream(kit.port(), barbara.cookie("m2mkit_session"))) {
            JsonNode place = waiting.next("queued", q -> true, WAIT).data();
            assertThat(place.get("position").asInt()).isEqualTo(1);
            assertThat(place.get("waitSeconds").asLong()).isPositive();

            assertThat(LabHttp.postJson(edsger, kit.port(), "/labs/live/stop", Map.of()).statusCode()).isEqualTo(200);
            // the same console follows the run that started from the queue, and the cycle runs on it
            JsonNode run = waiting.next("run", r -> true, WAIT).data();
            assertThat(run.get("meters").asInt()).isEqualTo(5);
            HttpResponse<String> spike = LabHttp.postJson(barbara, kit.port(), "/labs/live/spike", Map.of());
            assertThat(spike.statusCode()).as(spike.body()).isEqualTo(200);
            int cycle = waiting.next("entry", e -> "SPIKE".equals(e.path("milestone").asText()), WAIT).data()
                    .get("cycle").asInt();
            waiting.next("entry", e -> "CONFIRMATION".equals(e.path("milestone").asText())
                    && e.path("cycle").asInt() == cycle, WAIT);
        }

        // Donald moved up, and leaves the queue with the stop button
        assertThat(LabHttp.json(LabHttp.postJson(donald, kit.port(), "/labs/live/run", FAST).body())
                .get("queued").get("position").asInt()).isEqualTo(1);
        HttpResponse<String> leave = LabHttp.postJson(donald, kit.port(), "/labs/live/stop", Map.of());
        assertThat(LabHttp.json(leave.body()).get("message").asText()).isEqualTo("You left the queue; no run was started.");
        assertThat(donald.get("/labs/live").body()).contains("No run is going.");
        LabHttp.postJson(barbara, kit.port(), "/labs/live/stop", Map.of());
    }
}
