package org.m2mkit.labs.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded broker, started the way the kit starts it, against real Paho clients: who gets in, what each login
 * may publish and read, and the caps on retained messages.
 */
class BrokerLockdownTest {

    private static final long WAIT_S = 20;

    private final List<MqttClient> clients = new ArrayList<>();
    private EmbeddedBroker broker;

    @AfterEach
    void stop() throws MqttException {
        for (MqttClient c : clients) {
            if (c.isConnected()) {
                c.disconnectForcibly(0, 1000);
            }
            c.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    /** A received message. */
    private record Got(String topic, String payload) {
    }

    private MqttClient client(String id) throws MqttException {
        MqttClient c = new MqttClient(broker.url(), id, new MemoryPersistence());
        c.setTimeToWait(TimeUnit.SECONDS.toMillis(WAIT_S)); // a message the broker never acknowledges fails the test
        clients.add(c);
        return c;
    }

    private MqttClient connect(String id, MqttLogin login) throws MqttException {
        MqttClient c = client(id);
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        if (login != null) {
            o.setUserName(login.username());
            o.setPassword(login.password().toCharArray());
        }
        c.connect(o);
        return c;
    }

    private static BlockingQueue<Got> listen(MqttClient c, String filter) throws MqttException {
        BlockingQueue<Got> got = new LinkedBlockingQueue<>();
        c.subscribe(filter, 1, (topic, m) -> got.add(new Got(topic, new String(m.getPayload(), StandardCharsets.UTF_8))));
        return got;
    }

    private static void publish(MqttClient c, String topic, String payload, int qos, boolean retained)
            throws MqttException {
        MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        m.setQos(qos);
        m.setRetained(retained);
        c.publish(topic, m);
    }

    /** Everything {@code got} receives up to and including the first message with payload {@code marker}. */
    private static List<Got> until(BlockingQueue<Got> got, String marker) throws InterruptedException {
        List<Got> seen = new ArrayList<>();
        while (true) {
            Got g = got.poll(WAIT_S, TimeUnit.SECONDS);
            assertThat(g).as("marker '" + marker + "' arrives; so far " + seen).isNotNull();
            seen.add(g);
            if (g.payload().equals(marker)) {
                return seen;
            }
        }
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met in time").isLessThan(end);
            Thread.sleep(20);
        }
    }

    private static int reasonOfConnect(MqttClient c, MqttConnectOptions o) {
        try {
            c.connect(o);
            return 0;
        } catch (MqttException e) {
            return e.getReasonCode();
        }
    }

    @Test
    void anonymousClientsAndWrongPasswordsAreRefused() throws Exception {
        broker = EmbeddedBroker.start("127.0.0.1", 0);
        MqttConnectOptions anonymous = new MqttConnectOptions();
        assertThat(reasonOfConnect(client("anonymous"), anonymous)).isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION);

        MqttLogin real = broker.access().student("area-1");
        MqttConnectOptions wrong = new MqttConnectOptions();
        wrong.setUserName(real.username());
        wrong.setPassword((real.password() + "x").toCharArray());
        assertThat(reasonOfConnect(client("guesser"), wrong)).isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION);

        MqttConnectOptions madeUp = new MqttConnectOptions();
        madeUp.setUserName("kit/cloud/area-1");
        madeUp.setPassword(real.password().toCharArray());
        assertThat(reasonOfConnect(client("impostor"), madeUp)).isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION);

        // a login of another broker start does not work either
        MqttLogin other = BrokerAccess.random().student("area-1");
        MqttConnectOptions stale = new MqttConnectOptions();
        stale.setUserName(other.username());
        stale.setPassword(other.password().toCharArray());
        assertThat(reasonOfConnect(client("stale"), stale)).isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION);

        assertThat(connect("student", real).isConnected()).isTrue();
    }

    @Test
    void aStudentPublishesOnlyOnItsAreasMeterAndGatewayTopics() throws Exception {
        broker = EmbeddedBroker.start("127.0.0.1", 0);
        BrokerAccess access = broker.access();
        BlockingQueue<Got> areaA = listen(connect("watch-a", access.login(Role.OBSERVER, "area-a", null)), "m2mkit/area-a/#");
        BlockingQueue<Got> areaB = listen(connect("watch-b", access.login(Role.OBSERVER, "area-b", null)), "m2mkit/area-b/#");
        MqttClient student = connect("student-a", access.student("area-a"));

        // refused publishes get no acknowledgement, so they go at QoS 0; the client's next message at QoS 1 is
        // acknowledged only after the broker has handled them
        for (String forbidden : List.of("m2mkit/area-a/cloud/dr", "m2mkit/area-a/hvac/hvac-1/command",
                "m2mkit/area-a/hvac/hvac-1/confirm", "m2mkit/area-a/cloud/ack", "m2mkit/area-b/meter/meter-01/reading",
                "m2mkit/area-b/cloud/dr", "m2mkit/area-a", "other/topic")) {
            publish(student, forbidden, "forged", 0, false);
        }
        publish(student, "m2mkit/area-a/meter/meter-01/reading", "allowed-reading", 1, false);
        publish(student, "m2mkit/area-a/gateway/alert", "allowed-alert", 1, false);
        publish(connect("cloud-b", access.login(Role.CLOUD, "area-b", null)), "m2mkit/area-b/cloud/ack", "marker-b", 1, false);

        assertThat(until(areaA, "allowed-alert")).extracting(Got::payload).containsExactly("allowed-reading", "allowed-alert");
        assertThat(until(areaB, "marker-b")).extracting(Got::payload).containsExactly("marker-b");
    }

    @Test
    void eachKitRolePublishesOnlyWhatItOwnsAndOnlyTheCloudSendsDemandResponse() throws Exception {
        broker = EmbeddedBroker.start("127.0.0.1", 0);
        BrokerAccess access = broker.access();
        BlockingQueue<Got> seen = listen(connect("watch", access.login(Role.OBSERVER, "a", null)), "m2mkit/a/#");
        MqttClient meter = connect("meter", access.login(Role.METER, "a", "meter-01"));
        MqttClient gateway = connect("gateway", access.login(Role.GATEWAY, "a", null));
        MqttClient hvac = connect("hvac", access.login(Role.HVAC, "a", "hvac-1"));
        MqttClient cloud = connect("cloud", access.login(Role.CLOUD, "a", null));
        MqttClient observer = connect("observer", access.login(Role.OBSERVER, "a", null));

        publish(meter, "m2mkit/a/meter/meter-02/reading", "forged", 0, false);
        publish(meter, "m2mkit/a/cloud/dr", "forged", 0, false);
        publish(meter, "m2mkit/a/meter/meter-01/reading", "meter-ok", 1, false);
        publish(gateway, "m2mkit/a/cloud/dr", "forged", 0, false);
        publish(gateway, "m2mkit/a/hvac/hvac-1/confirm", "forged", 0, false);
        publish(gateway, "m2mkit/a/hvac/hvac-1/command", "gateway-ok", 1, false);
        publish(hvac, "m2mkit/a/hvac/hvac-2/confirm", "forged", 0, false);
        publish(hvac, "m2mkit/a/hvac/hvac-1/command", "forged", 0, false);
        publish(hvac, "m2mkit/a/hvac/hvac-1/confirm", "hvac-ok", 1, false);
        publish(observer, "m2mkit/a/meter/meter-01/reading", "forged", 0, false);
        publish(observer, "m2mkit/a/cloud/dr", "forged", 0, false);
        publish(cloud, "m2mkit/a/gateway/report", "forged", 0, false);
        publish(observer, "m2mkit/a/gateway/status", "forged", 0, false);
        observer.subscribe("m2mkit/a/cloud/status", 1); // acknowledged after the observer's publishes were handled
        publish(cloud, "m2mkit/b/cloud/dr", "forged", 0, false);
        // each client's refused messages came before its acknowledged one; the cloud's event comes last
        publish(cloud, "m2mkit/a/cloud/dr", "cloud-dr", 1, false);

        List<Got> got = until(seen, "cloud-dr");
        assertThat(got).extracting(Got::payload).doesNotContain("forged")
                .contains("meter-ok", "gateway-ok", "hvac-ok", "cloud-dr");
        assertThat(got).filteredOn(g -> g.topic().endsWith("/cloud/dr")).extracting(Got::payload).containsExactly("cloud-dr");
    }

    @Test
    void subscriptionsStayInTheLoginsArea() throws Exception {
        broker = EmbeddedBroker.start("127.0.0.1", 0);
        MqttClient student = connect("student", broker.access().student("area-a"));
        for (String filter : List.of("#", "m2mkit/#", "m2mkit/+/cloud/dr", "m2mkit/area-b/#", "m2mkit/area-a")) {
            assertThat(subscribeResult(student, filter)).as(filter).isEqualTo(128);
        }
        assertThat(subscribeResult(student, "m2mkit/area-a/#")).isEqualTo(1);
    }

    private static int subscribeResult(MqttClient c, String filter) {
        try {
            return c.subscribeWithResponse(filter, 1).getGrantedQos()[0];
        } catch (MqttException e) {
            assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_SUBSCRIBE_FAILED);
            return 128;
        }
    }

    @Test
    void aRetainedMessageOverTheSizeLimitIsDeliveredButNotKept() throws Exception {
        broker = EmbeddedBroker.start("127.0.0.1", 0, BrokerAccess.random(), new RetainedLimits(1024, 10, 20, 100_000));
        MqttClient student = connect("student", broker.access().student("a"));
        publish(student, "m2mkit/a/meter/meter-01/status", "x".repeat(2048), 1, true);
        publish(student, "m2mkit/a/meter/meter-02/status", "small", 1, true);
        eventually(() -> broker.retainedRefused() == 1 && broker.retainedCount() == 1);

        BlockingQueue<Got> late = listen(connect("late", broker.access().login(Role.OBSERVER, "a", null)),
                "m2mkit/a/meter/+/status");
        publish(student, "m2mkit/a/meter/meter-01/status", "marker", 1, false);
        // what a new subscriber gets before the marker is what the broker retained (Moquette 0.17 sends it
        // without the retain flag)
        assertThat(until(late, "marker")).extracting(Got::topic, Got::payload).containsExactly(
                tuple("m2mkit/a/meter/meter-02/status", "small"), tuple("m2mkit/a/meter/meter-01/status", "marker"));
    }

    @Test
    void retainedMessagesAreCappedPerAreaAndInAll() throws Exception {
        broker = EmbeddedBroker.start("127.0.0.1", 0, BrokerAccess.random(), new RetainedLimits(1024, 3, 5, 100_000));
        MqttClient a = connect("student-a", broker.access().student("a"));
        MqttClient b = connect("student-b", broker.access().student("b"));
        for (int i = 1; i <= 5; i++) {
            publish(a, "m2mkit/a/meter/meter-0" + i + "/status", "a" + i, 1, true);
        }
        eventually(() -> broker.retainedRefused() == 2 && broker.retainedCount() == 3);
        // a topic that already holds a retained message may replace it
        publish(a, "m2mkit/a/meter/meter-01/status", "a1-again", 1, true);
        for (int i = 1; i <= 3; i++) {
            publish(b, "m2mkit/b/meter/meter-0" + i + "/status", "b" + i, 1, true);
        }
        eventually(() -> broker.retainedRefused() == 3 && broker.retainedCount() == 5);

        BlockingQueue<Got> lateA = listen(connect("late-a", broker.access().login(Role.OBSERVER, "a", null)), "m2mkit/a/#");
        publish(a, "m2mkit/a/gateway/alert", "marker-a", 1, false);
        assertThat(until(lateA, "marker-a")).extracting(Got::payload)
                .containsExactlyInAnyOrder("a1-again", "a2", "a3", "marker-a");

        // the area's run ended: its retained messages go, and the room is there again
        broker.clearRetained("a");
        eventually(() -> broker.retainedCount() == 2);
        publish(b, "m2mkit/b/meter/meter-03/status", "b3", 1, true);
        eventually(() -> broker.retainedCount() == 3);
    }

    @Test
    void loopbackAddressesAreRecognised() {
        assertThat(EmbeddedBroker.isLoopback("127.0.0.1")).isTrue();
        assertThat(EmbeddedBroker.isLoopback("localhost")).isTrue();
        assertThat(EmbeddedBroker.isLoopback("::1")).isTrue();
        assertThat(EmbeddedBroker.isLoopback("0.0.0.0")).isFalse();
    }

    @Test
    void loginsSayWhatTheClientIs() {
        BrokerAccess access = BrokerAccess.random();
        assertThat(access.login(Role.METER, "a", "meter-01").username()).isEqualTo("kit/meter/a/meter-01");
        assertThat(access.login(Role.CLOUD, "a", null).username()).isEqualTo("kit/cloud/a");
        assertThat(access.student("a").username()).isEqualTo("student/a");
        assertThat(access.student("a").toString()).doesNotContain(access.student("a").password());
        assertThat(access.student("a").password()).isNotEqualTo(access.student("b").password());
        assertThatThrownBy(() -> access.login(Role.METER, "a", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> access.login(Role.CLOUD, "a/#", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
