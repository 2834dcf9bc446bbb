package org.m2mkit.labs.broker;

import io.moquette.broker.Server;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectMessage;
import io.moquette.interception.messages.InterceptConnectionLostMessage;
import io.moquette.interception.messages.InterceptDisconnectMessage;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a retained last will retained. MQTT 3.1.1 (section 3.1.2.7) says a will sent with Will Retain set is
 * published as a retained message; Moquette 0.17 sends it to the subscribers but does not keep it (its issue 562),
 * so a client that subscribes later would still get the device's old {@code online}. This interceptor remembers
 * each connection's retained will and, when the connection is lost without a DISCONNECT (the broker has just
 * sent the will), publishes the same message again, retained: the topic then holds it for newcomers, and current
 * subscribers receive it a second time, which QoS 1 allows. Only a will its login may publish on is kept
 * ({@link BrokerAccess}); a clean DISCONNECT discards the will, as the standard says. Runs on Moquette's one
 * interceptor thread, so a connection's connect and loss arrive in order. A will is not kept when a client of the
 * same id is connected again by the time the loss is handled (it reconnected at once, or took over a connection
 * the broker had not yet seen die): that client's own status is the current one.
 */
final class WillKeeper extends AbstractInterceptHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WillKeeper.class);
    private static final String SELF = "m2mkit-will-keeper";

    private record Will(String user, String topic, byte[] payload, MqttQoS qos) {
    }

    private final Server server;
    private final BiPredicate<String, String> mayPublish;
    /** The latest connection's retained will, and the open connections, by client id; interceptor thread only. */
    private final Map<String, Will> wills = new HashMap<>();
    private final Map<String, Integer> open = new HashMap<>();

    /** @param mayPublish whether a login (user name) may publish on a topic */
    WillKeeper(Server server, BiPredicate<String, String> mayPublish) {
        this.server = server;
        this.mayPublish = mayPublish;
    }

    @Override
    public String getID() {
        return SELF;
    }

    @Override
    public Class<?>[] getInterceptedMessageTypes() {
        return new Class<?>[] {InterceptConnectMessage.class, InterceptDisconnectMessage.class,
                InterceptConnectionLostMessage.class};
    }

    @Override
    public void onConnect(InterceptConnectMessage msg) {
        open.merge(msg.getClientID(), 1, Integer::sum);
        if (msg.isWillFlag() && msg.isWillRetain() && msg.getWillMessage() != null
                && msg.getWillMessage().length > 0 && mayPublish.test(msg.getUsername(), msg.getWillTopic())) {
            wills.put(msg.getClientID(), new Will(msg.getUsername(), msg.getWillTopic(), msg.getWillMessage(),
                    MqttQoS.valueOf(Math.min(msg.getWillQos(), 1))));
        } else {
            wills.remove(msg.getClientID());
        }
    }

    @Override
    public void onDisconnect(InterceptDisconnectMessage msg) {
        closed(msg.getClientID());
    }

    @Override
    public void onConnectionLost(InterceptConnectionLostMessage msg) {
        Will will = closed(msg.getClientID());
        if (will == null || connectedAgain(msg.getClientID())) {
            return;
        }
        try {
            server.internalPublish(MqttMessageBuilders.publish().topicName(will.topic()).retained(true)
                    .qos(will.qos()).payload(Unpooled.wrappedBuffer(will.payload())).build(), SELF);
        } catch (RuntimeException e) {
            LOG.warn("last will of client {} on {} not kept retained: {}", msg.getClientID(), will.topic(), e.toString());
        }
    }

    private boolean connectedAgain(String client) {
        try {
            return server.listConnectedClients().stream().anyMatch(c -> client.equals(c.getClientID()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** One connection of {@code client} ended: its will, unless another connection of the same id is open. */
    private Will closed(String client) {
        Integer left = open.computeIfPresent(client, (c, n) -> n > 1 ? n - 1 : null);
        return left == null ? wills.remove(client) : null;
    }

    @Override
    public void onSessionLoopError(Throwable error) {
        // RetainedGuard reports these
    }
}
