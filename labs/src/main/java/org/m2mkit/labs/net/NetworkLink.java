package org.m2mkit.labs.net;

import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.List;
import org.m2mkit.labs.mqtt.MqttLink;

/**
 * One component's MQTT connection as seen through a network: each publish waits for the link to be free
 * (bandwidth), then for its latency, jitter and any retransmissions (loss), and messages leave in the order they
 * were sent, as over TCP. A link can be cut: then publishing fails at once and arriving messages are dropped,
 * as when the cellular uplink of a gateway goes down.
 */
public final class NetworkLink implements AutoCloseable {

    /** Why a publish did not go out. */
    public static final class LinkDown extends Exception {
        private static final long serialVersionUID = 1L;

        LinkDown(String name) {
            super(name + " is down");
        }
    }

    private final String name;
    private final MqttLink mqtt;
    private final NetworkProfile profile;
    private final ScheduledExecutorService scheduler;
    private final SplittableRandom random;
    private final List<Runnable> upListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> dropListeners = new CopyOnWriteArrayList<>();
    private volatile boolean cut;
    private long linkFreeAtNanos;
    private long lastArrivalNanos;

    /**
     * @param scheduler runs delayed publishes; shared by links, never blocked
     * @param seed      makes the link's delays repeatable
     */
    public NetworkLink(String name, MqttLink mqtt, NetworkProfile profile, ScheduledExecutorService scheduler, long seed) {
        this.name = name;
        this.mqtt = mqtt;
        this.profile = profile;
        this.scheduler = scheduler;
        this.random = new SplittableRandom(seed);
        mqtt.onConnectionChange(connected -> {
            if (connected && !cut) {
                upListeners.forEach(Runnable::run);
            }
        });
    }

    public String name() {
        return name;
    }

    public NetworkProfile profile() {
        return profile;
    }

    public MqttLink mqtt() {
        return mqtt;
    }

    /** Up when not cut and connected to the broker. */
    public boolean isUp() {
        return !cut && mqtt.isConnected();
    }

    /** Called after the link comes back (restored, or reconnected to the broker), on an MQTT delivery thread. */
    public void onUp(Runnable listener) {
        upListeners.add(listener);
    }

    /** Called with the topic of each arriving message dropped because the link is cut. */
    public void onDrop(Consumer<String> listener) {
        dropListeners.add(listener);
    }

    public void cut() {
        cut = true;
    }

    public void restore() {
        if (cut) {
            cut = false;
            if (mqtt.isConnected()) {
                scheduler.execute(() -> upListeners.forEach(Runnable::run));
            }
        }
    }

    public boolean isCut() {
        return cut;
    }

    /** Publishes through the network; the future completes when the broker has it (QoS 1) or it is written. */
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        if (cut) {
            return CompletableFuture.failedFuture(new LinkDown(name));
        }
        if (profile.isLocal()) {
            return mqtt.publish(topic, payload, qos, retained);
        }
        long delayNanos = scheduleDelayNanos(payload.length);
        CompletableFuture<Void> done = new CompletableFuture<>();
        scheduler.schedule(() -> {
            if (cut) {
                done.completeExceptionally(new LinkDown(name));
                return;
            }
            mqtt.publish(topic, payload, qos, retained).whenComplete((v, e) -> {
                if (e == null) {
                    done.complete(null);
                } else {
                    done.completeExceptionally(e);
                }
            });
        }, delayNanos, TimeUnit.NANOSECONDS);
        return done;
    }

    /** Subscribes; while the link is cut, arriving messages are dropped. */
    public void subscribe(String filter, int qos, MqttLink.Handler handler) {
        mqtt.subscribe(filter, qos, (topic, payload) -> {
            if (cut) {
                dropListeners.forEach(l -> l.accept(topic));
            } else {
                handler.onMessage(topic, payload);
            }
        });
    }

    private synchronized long scheduleDelayNanos(int bytes) {
        long now = System.nanoTime();
        // MQTT and TCP/IP headers: about 60 bytes a message
        double sendMs = profile.bandwidthKbps() > 0 ? (bytes + 60) * 8.0 / profile.bandwidthKbps() : 0;
        long departs = Math.max(now, linkFreeAtNanos) + (long) (sendMs * 1e6);
        linkFreeAtNanos = departs;
        double flightMs = profile.latencyMs() + Math.abs(random.nextGaussian()) * profile.jitterMs();
        while (profile.loss() > 0 && random.nextDouble() < profile.loss()) {
            flightMs += profile.retransmissionTimeoutMs();
        }
        long arrives = Math.max(departs + (long) (flightMs * 1e6), lastArrivalNanos);
        lastArrivalNanos = arrives;
        return arrives - now;
    }

    @Override
    public void close() {
        mqtt.close();
    }

    /** Ends the connection without a goodbye, so that the broker publishes the last will. */
    public void kill() {
        mqtt.kill();
    }
}
