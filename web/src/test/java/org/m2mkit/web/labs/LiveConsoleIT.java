package org.m2mkit.web.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.web.accounts.Role;
import org.m2mkit.web.app.Kit;
import org.m2mkit.web.config.KitConfig;
import org.m2mkit.web.grading.LabHttp;
import org.m2mkit.web.testing.WebClient;

/** The live lab console over real HTTP and Server-Sent Events, on a whole kit with its broker and grader. */
class LiveConsoleIT {

    static final List<String> SIX = List.of("SPIKE", "ALERT", "REPORT", "PREDICTION", "COMMAND", "CONFIRMATION");
    static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path data;

    static Kit kit;

    @BeforeAll
    static void start() {
        kit = Kit.start(KitConfig.forTests(data));
        kit.accounts().create("linus", "Linus Student", Role.STUDENT, "linus-password-1", false);
        kit.accounts().create("grace", "Grace Student", Role.STUDENT, "grace-password-1", false);
    }

    @AfterAll
    static void stop() {
        kit.close();
    }

    @Test
    void aFastRunReachesAllSixMilestonesOverServerSentEvents() throws Exception {
        WebClient student = new WebClient(kit.port()).signIn("student", "m2m-student");
        HttpResponse<String> started = LabHttp.postJson(student, kit.port(), "/labs/live/run",
                Map.of("meters", "20", "mode", "fast", "network", "local", "gateway", "reference"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        JsonNode run = LabHttp.json(started.body()).get("run");
        assertThat(run.get("broker").asText()).isEqualTo(kit.brokerUrl());
        assertThat(run.get("meters").asInt()).isEqualTo(20);

        try (SseStream events = new SseStream(kit.port(), student.cookie("m2mkit_session"))) {
            assertThat(events.next("run", r -> true, WAIT).data().get("area").asText()).startsWith("live-");
            HttpResponse<String> spike = LabHttp.postJson(student, kit.port(), "/labs/live/spike",
                    Map.of("meter", "meter-07"));
            assertThat(spike.statusCode()).as(spike.body()).isEqualTo(200);
            JsonNode first = events.next("entry", e -> "SPIKE".equals(e.path("milestone").asText()), WAIT).data();
            int cycle = first.get("cycle").asInt();
            List<String> seen = new ArrayList<>(List.of("SPIKE"));
            for (String m : SIX.subList(1, SIX.size())) {
                JsonNode e = events.next("entry", x -> m.equals(x.path("milestone").asText())
                        && x.path("cycle").asInt() == cycle, WAIT).data();
                assertThat(e.get("cycleMs").asLong()).isGreaterThanOrEqualTo(0);
                seen.add(m);
            }
            assertThat(seen).containsExactlyElementsOf(SIX);
            // the HVAC unit's new state came with its confirmation
            JsonNode hvac = events.next("hvac", h -> h.path("event").asText().startsWith("dr-"), WAIT).data();
            assertThat(hvac.get("setpointF").asLong()).isEqualTo(74);
        }
        HttpResponse<String> stop = LabHttp.postJson(student, kit.port(), "/labs/live/stop", Map.of());
        assertThat(stop.statusCode()).isEqualTo(200);
        assertThat(LabHttp.json(stop.body()).get("run").isNull()).isTrue();
        assertThat(student.get("/labs/live").body()).contains("No run is going.");
    }

    @Test
    void aStudentsOwnGatewayDrivesTheCycleFromTheSandbox() throws Exception {
        WebClient linus = new WebClient(kit.port()).signIn("linus", "linus-password-1");
        assertThat(linus.get("/labs/live").body()).contains("to run it here");
        HttpResponse<String> refused = LabHttp.postJson(linus, kit.port(), "/labs/live/run",
                Map.of("mode", "fast", "gateway", "mine"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(LabHttp.json(refused.body()).get("error").asText()).contains("no gateway submission that compiles");

        long id = LabHttp.submit(linus, kit.port(), "gateway",
                LabHttp.referenceGateway().replace("ReferenceGateway", "LinusGateway"));
        assertThat(LabHttp.awaitGraded(linus, id).get("counted").asBoolean()).isTrue();

        HttpResponse<String> started = LabHttp.postJson(linus, kit.port(), "/labs/live/run",
                Map.of("meters", "10", "mode", "fast", "network", "local", "gateway", "mine"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(LabHttp.json(started.body()).get("run").get("gateway").asText())
                .contains("your gateway (solution.LinusGateway)");
        try (SseStream events = new SseStream(kit.port(), linus.cookie("m2mkit_session"))) {
            LabHttp.postJson(linus, kit.port(), "/labs/live/spike", Map.of());
            int cycle = events.next("entry", e -> "SPIKE".equals(e.path("milestone").asText()), WAIT).data()
                    .get("cycle").asInt();
            events.next("entry", e -> "CONFIRMATION".equals(e.path("milestone").asText())
                    && e.path("cycle").asInt() == cycle, WAIT);
        }
        LabHttp.postJson(linus, kit.port(), "/labs/live/stop", Map.of());
    }

    @Test
    void controlsNeedARunAndCheckTheirInput() {
        WebClient student = new WebClient(kit.port()).signIn("grace", "grace-password-1");
        HttpResponse<String> none = LabHttp.postJson(student, kit.port(), "/labs/live/spike", Map.of());
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(LabHttp.json(none.body()).get("error").asText()).isEqualTo("no run is going; start one first");
        HttpResponse<String> bad = LabHttp.postJson(student, kit.port(), "/labs/live/run", Map.of("meters", "5000"));
        assertThat(LabHttp.json(bad.body()).get("error").asText()).isEqualTo("meters 5000 is out of range; use 1 to 200");
        HttpResponse<String> network = LabHttp.postJson(student, kit.port(), "/labs/live/run", Map.of("network", "6g"));
        assertThat(LabHttp.json(network.body()).get("error").asText()).startsWith("network '6g' is not known; use one of");
        // without a script the page answers with the message
        HttpResponse<String> page = student.post("/labs/live/run", Map.of("mode", "slow"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("mode &#39;slow&#39; is not known; use paced or fast");
    }

    @Test
    void theStudentsAreaLoginIsShownAndWorksWithTheirOwnMqttClientInTheirAreaOnly() throws Exception {
        kit.accounts().create("ada", "Ada Student", Role.STUDENT, "ada-password-1", false);
        WebClient ada = new WebClient(kit.port()).signIn("ada", "ada-password-1");
        HttpResponse<String> started = LabHttp.postJson(ada, kit.port(), "/labs/live/run",
                Map.of("meters", "5", "mode", "fast", "network", "local", "gateway", "reference"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        JsonNode run = LabHttp.json(started.body()).get("run");
        String area = run.get("area").asText();
        String user = run.get("mqttUser").asText();
        String password = run.get("mqttPassword").asText();
        assertThat(user).isEqualTo("student/" + area);
        assertThat(run.get("watch").asText()).contains("-u '" + user + "'", "-P '" + password + "'",
                "-t 'm2mkit/" + area + "/#'");
        assertThat(ada.get("/labs/live").body()).contains(user, password);

        MqttClient own = new MqttClient(kit.brokerUrl(),
                "ada-own-client", new MemoryPersistence());
        own.setTimeToWait(WAIT.toMillis());
        try {
            MqttConnectOptions o = new MqttConnectOptions();
            o.setUserName(user);
            o.setPassword(password.toCharArray());
            own.connect(o);
            BlockingQueue<String> topics = new LinkedBlockingQueue<>();
            own.subscribe("m2mkit/" + area + "/meter/+/reading", 1, (topic, m) -> topics.add(topic));
            assertThat(topics.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).startsWith("m2mkit/" + area + "/");
            assertThat(own.subscribeWithResponse("m2mkit/#", 1).getGrantedQos()[0]).isEqualTo(128);
        } catch (MqttException e) {
            assertThat(e.getReasonCode()).as(e.toString())
                    .isEqualTo(MqttException.REASON_CODE_SUBSCRIBE_FAILED);
        } finally {
            if (own.isConnected()) {
                own.disconnect();
            }
            own.close();
        }
        // an anonymous client is not let in
        MqttClient anonymous = new MqttClient(
                kit.brokerUrl(), "anonymous", new MemoryPersistence());
        try {
            assertThatThrownBy(anonymous::connect)
                    .isInstanceOf(MqttException.class);
        } finally {
            anonymous.close();
        }
        assertThat(LabHttp.postJson(ada, kit.port(), "/labs/live/stop", Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void pullingAMetersPlugShowsItsLastWillInTheDeviceTableOfEveryConsole() throws Exception {
        kit.accounts().create("edsger", "Edsger Student", Role.STUDENT, "edsger-password-1", false);
        WebClient edsger = new WebClient(kit.port()).signIn("edsger", "edsger-password-1");
        HttpResponse<String> started = LabHttp.postJson(edsger, kit.port(), "/labs/live/run",
                Map.of("meters", "8", "mode", "fast", "network", "local", "gateway", "reference"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String area = LabHttp.json(started.body()).get("run").get("area").asText();
        String cookie = edsger.cookie("m2mkit_session");
        try (SseStream events = new SseStream(kit.port(), cookie)) {
            events.next("device", d -> d.path("device").asText().equals("meter-03")
                    && d.path("state").asText().equals("online"), WAIT);
            events.next("device", d -> d.path("device").asText().equals("gateway")
                    && d.path("state").asText().equals("online"), WAIT);

            HttpResponse<String> unplug = LabHttp.postJson(edsger, kit.port(), "/labs/live/plug",
                    Map.of("meter", "meter-03", "action", "unplug"));
            assertThat(unplug.statusCode()).as(unplug.body()).isEqualTo(200);
            assertThat(LabHttp.json(unplug.body()).get("message").asText()).startsWith("Pulled the plug on meter-03");
            JsonNode offline = events.next("device", d -> d.path("device").asText().equals("meter-03")
                    && d.path("state").asText().equals("offline"), WAIT).data();
            assertThat(offline.get("kind").asText()).isEqualTo("meter");
            // the timeline shows the will arriving, on the meter's status topic
            JsonNode will = events.next("entry", e -> ("m2mkit/" + area + "/meter/meter-03/status")
                    .equals(e.path("topic").asText()) && e.path("detail").asText().contains("last will"), WAIT).data();
            assertThat(will.get("payload").asText()).contains("\"vs\":\"offline\"");

            // a console that opens now sees the meter offline at once
            try (SseStream late = new SseStream(kit.port(), cookie)) {
                JsonNode seen = late.next("device", d -> d.path("device").asText().equals("meter-03"), WAIT).data();
                assertThat(seen.get("state").asText()).isEqualTo("offline");
            }
            HttpResponse<String> again = LabHttp.postJson(edsger, kit.port(), "/labs/live/plug",
                    Map.of("meter", "meter-03", "action", "unplug"));
            assertThat(again.statusCode()).isEqualTo(400);
            assertThat(LabHttp.json(again.body()).get("error").asText()).isEqualTo("meter-03 is unplugged already");

            HttpResponse<String> restore = LabHttp.postJson(edsger, kit.port(), "/labs/live/plug",
                    Map.of("meter", "meter-03", "action", "restore"));
            assertThat(restore.statusCode()).as(restore.body()).isEqualTo(200);
            long unpluggedAt = offline.get("t").asLong();
            // online again: the status after the will (the first online came at the start, before it)
            events.next("device", d -> d.path("device").asText().equals("meter-03")
                    && d.path("state").asText().equals("online") && d.path("t").asLong() >= unpluggedAt, WAIT);
        }
        HttpResponse<String> unknown = LabHttp.postJson(edsger, kit.port(), "/labs/live/plug",
                Map.of("meter", "meter-99", "action", "unplug"));
        assertThat(LabHttp.json(unknown.body()).get("error").asText())
                .isEqualTo("there is no meter 'meter-99' in this run; use one of meter-01 to meter-08");
        HttpResponse<String> badAction = LabHttp.postJson(edsger, kit.port(), "/labs/live/plug",
                Map.of("meter", "meter-03", "action", "smash"));
        assertThat(LabHttp.json(badAction.body()).get("error").asText())
                .isEqualTo("plug action 'smash' is not known; use unplug or restore");
        assertThat(LabHttp.postJson(edsger, kit.port(), "/labs/live/stop", Map.of()).statusCode()).isEqualTo(200);
    }
}
