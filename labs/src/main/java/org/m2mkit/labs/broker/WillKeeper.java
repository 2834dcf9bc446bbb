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
 * interceptor thread, so a connection's connect and loss arrive in order.
 */
final class WillKeeper extends AbstractInterceptHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WillKeeper.class);
    private static final String SELF = "m2mkit-will-keeper";

    private record Will(String user, String topic, byte[] payload, MqttQoS qos) {
    }

    private final Server server;
    private final BiPredicate<String, String> mayPublish;
    /** Retained wills by client id; touched only on the interceptor thread. */
    private final Map<String, Will> wills = new HashMap<>();

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
        wills.remove(msg.getClientID());
    }

    @Override
    public void onConnectionLost(InterceptConnectionLostMessage msg) {
        Will will = wills.remove(msg.getClientID());
        if (will == null) {
            return;
        }
        try {
            server.internalPublish(MqttMessageBuilders.publish().topicName(will.topic()).retained(true)
                    .qos(will.qos()).payload(Unpooled.wrappedBuffer(will.payload())).build(), SELF);
        } catch (RuntimeException e) {
            LOG.warn("last will of client {} on {} not kept retained: {}", msg.getClientID(), will.topic(), e.toString());
        }
    }

    @Override
    public void onSessionLoopError(Throwable error) {
        // RetainedGuard reports these
    }
}
