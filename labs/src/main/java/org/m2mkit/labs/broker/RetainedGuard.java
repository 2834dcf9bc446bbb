package org.m2mkit.labs.broker;

import io.moquette.broker.Server;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptPublishMessage;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.m2mkit.labs.wire.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded broker's retained messages within {@link RetainedLimits}. Moquette 0.17 offers no hook before
 * it stores a retained message, so this interceptor follows every publish (on Moquette's one interceptor thread, in
 * order), counts what is retained per topic and area, and clears a retained message over a limit at once by
 * publishing an empty retained message on its topic (which subscribers of that topic receive as an empty message).
 * A refusal is logged as one line, at most one every {@link #LOG_EVERY_MS} ms, with the number left unlogged.
 */
final class RetainedGuard extends AbstractInterceptHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RetainedGuard.class);
    static final long LOG_EVERY_MS = 10_000;
    private static final String SELF = "m2mkit-retained-guard";

    private final RetainedLimits limits;
    private final Server server;
    /** Retained bytes by topic, and retained messages by area; touched only on the interceptor thread. */
    private final Map<String, Integer> sizes = new HashMap<>();
    private final Map<String, Integer> perArea = new HashMap<>();
    private long totalBytes;
    private final AtomicLong refused = new AtomicLong();
    private long lastLogMs = Long.MIN_VALUE / 2;
    private long unlogged;

    RetainedGuard(RetainedLimits limits, Server server) {
        this.limits = limits;
        this.server = server;
    }

    @Override
    public String getID() {
        return SELF;
    }

    @Override
    public Class<?>[] getInterceptedMessageTypes() {
        return new Class<?>[] {InterceptPublishMessage.class};
    }

    @Override
    public void onSessionLoopError(Throwable error) {
        LOG.warn("broker session loop: {}", error.toString());
    }

    @Override
    public void onPublish(InterceptPublishMessage msg) {
        try {
            if (msg.isRetainFlag()) {
                retained(msg.getTopicName(), msg.getPayload().readableBytes(), msg.getQos(), msg.getClientID());
            }
        } finally {
            msg.getPayload().release();
        }
    }

    private synchronized void retained(String topic, int bytes, MqttQoS qos, String client) {
        // QoS 0 or an empty payload: Moquette drops what the topic retained
        if (qos == MqttQoS.AT_MOST_ONCE || bytes == 0) {
            forget(topic);
            return;
        }
        String area = area(topic);
        Integer before = sizes.get(topic);
        String over = null;
        if (bytes > limits.maxBytes()) {
            over = bytes + " bytes is over the limit of " + limits.maxBytes();
        } else if (before == null && perArea.getOrDefault(area, 0) >= limits.perArea()) {
            over = "area '" + area + "' holds its limit of " + limits.perArea() + " retained messages";
        } else if (before == null && sizes.size() >= limits.total()) {
            over = "the broker holds its limit of " + limits.total() + " retained messages";
        } else if (totalBytes - (before == null ? 0 : before) + bytes > limits.totalBytes()) {
            over = "the broker holds its limit of " + limits.totalBytes() + " bytes of retained messages";
        }
        if (over == null) {
            forget(topic);
            sizes.put(topic, bytes);
            perArea.merge(area, 1, Integer::sum);
            totalBytes += bytes;
            return;
        }
        forget(topic);
        clear(topic);
        refused.incrementAndGet();
        log(topic, client, over);
    }

    private void forget(String topic) {
        Integer size = sizes.remove(topic);
        if (size != null) {
            totalBytes -= size;
            perArea.computeIfPresent(area(topic), (a, n) -> n > 1 ? n - 1 : null);
        }
    }

    private void clear(String topic) {
        try {
            server.internalPublish(MqttMessageBuilders.publish().topicName(topic).retained(true)
                    .qos(MqttQoS.AT_MOST_ONCE).payload(Unpooled.EMPTY_BUFFER).build(), SELF);
        } catch (RuntimeException e) {
            LOG.warn("retained message on {} could not be cleared: {}", topic, e.toString());
        }
    }

    private void log(String topic, String client, String why) {
        long now = System.currentTimeMillis();
        if (now - lastLogMs < LOG_EVERY_MS) {
            unlogged++;
            return;
        }
        String more = unlogged == 0 ? "" : " (and " + unlogged + " more refused since the last such line)";
        lastLogMs = now;
        unlogged = 0;
        LOG.warn("retained message on {} from client {} not kept: {}{}", topic, client, why, more);
    }

    /** Clears every retained message of {@code area} (a lab run that has ended). */
    synchronized void clearArea(String area) {
        for (String topic : List.copyOf(sizes.keySet())) {
            if (area.equals(area(topic))) {
                forget(topic);
                clear(topic);
            }
        }
    }

    /** Retained messages refused so far. */
    long refused() {
        return refused.get();
    }

    /** Retained messages kept now. */
    synchronized int count() {
        return sizes.size();
    }

    private static String area(String topic) {
        String[] p = topic.split("/", 3);
        return p.length >= 2 && p[0].equals(Topics.ROOT) ? p[1] : "";
    }
}
