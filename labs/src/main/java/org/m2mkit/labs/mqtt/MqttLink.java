package org.m2mkit.labs.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.SocketFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import com.google.common.util.concurrent.MoreExecutors;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttTopic;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.m2mkit.labs.UserError;
import org.m2mkit.labs.broker.BrokerUrl;
import org.m2mkit.labs.broker.MqttLogin;

/**
 * The one class of the kit that talks to Eclipse Paho. Each component of a lab owns one link: it keeps its
 * state in memory, reconnects by itself (1 s doubling to 2 s, short enough for a classroom broker restart),
 * subscribes again after every reconnect, allows many QoS 1 messages in flight, and hands every received
 * message on, so that slow handlers never stall Paho's receive thread. Paho's receive, send and callback loops of
 * every link run on {@link MqttThreads} (virtual threads on Java 24 and later), the keep-alive pings of every link
 * share one timer, and the deliveries of every link share one pool of threads (each link's in arrival order, one
 * at a time), where each link once had a thread for each.
 */
public final class MqttLink implements AutoCloseable {

    /** A last-will message the broker publishes when this client vanishes. */
    public record Will(String topic, byte[] payload, int qos, boolean retained) {
    }

    /** Receives the messages of one subscription, on the link's delivery thread, in arrival order. */
    @FunctionalInterface
    public interface Handler {
        void onMessage(String topic, byte[] payload);
    }

    private record Subscription(String filter, int qos, Handler handler) {
    }

    /** Plain TCP sockets with TCP_NODELAY, so that each MQTT packet leaves at once. */
    private static final SocketFactory NO_DELAY = new SocketFactory() {
        @Override
        public Socket createSocket() throws IOException {
            return noDelay(new Socket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(new Socket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(new Socket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(new Socket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return noDelay(new Socket(address, port, localAddress, localPort));
        }
    };

    private static Socket noDelay(Socket s) throws IOException {
        s.setTcpNoDelay(true);
        return s;
    }

    /** Threads for every link's deliveries; idle ones end after a minute. */
    private static final ExecutorService DELIVERIES = Executors.newCachedThreadPool(
            org.m2mkit.labs.Threads.named("mqtt-delivery"));
    /** One timer for every link's keep-alive pings. */
    private static final ScheduledExecutorService PINGS = Executors.newSingleThreadScheduledExecutor(
            org.m2mkit.labs.Threads.named("mqtt-pings"));

    private final MqttAsyncClient client;
    private final String clientId;
    private final Executor delivery;
    private volatile boolean closed;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final List<Consumer<Boolean>> connectionListeners = new CopyOnWriteArrayList<>();

    private MqttLink(MqttAsyncClient client, String clientId) {
        this.client = client;
        this.clientId = clientId;
        this.delivery = MoreExecutors.newSequentialExecutor(DELIVERIES);
    }

    /**
     * Connects a new client to {@code url}.
     *
     * @param will a last-will message, or null
     * @throws UserError when the URL is malformed or the broker does not answer within {@code timeout}
     */
    public static MqttLink connect(String url, String clientId, Will will, Duration timeout) {
        return connect(url, clientId, null, will, timeout);
    }

    /**
     * Connects a new client to {@code url}, signing in with {@code login}.
     *
     * @param login the user name and password, or null to connect without
     * @param will  a last-will message, or null
     * @throws UserError when the URL is malformed, the broker refuses the login or does not answer within
     *                   {@code timeout}
     */
    public static MqttLink connect(String url, String clientId, MqttLogin login, Will will, Duration timeout) {
        BrokerUrl parsed = BrokerUrl.parse(url);
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(parsed.toString(), clientId, new MemoryPersistence(),
                    new ScheduledExecutorPingSender(PINGS), new ClientTasks(MqttThreads.loops(), PINGS));
        } catch (MqttException e) {
            throw new UserError("cannot create an MQTT client for " + url + ": " + e.getMessage(), e);
        }
        MqttLink link = new MqttLink(client, clientId);
        client.setCallback(link.new Callback());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(2000);
        options.setMaxInflight(4096);
        options.setKeepAliveInterval(10);
        options.setConnectionTimeout((int) Math.max(1, timeout.toSeconds()));
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        if (login != null) {
            options.setUserName(login.username());
            if (login.password() != null) {
                options.setPassword(login.password().toCharArray());
            }
        }
        if (will != null) {
            options.setWill(will.topic(), will.payload(), will.qos(), will.retained());
        }
        if (parsed.scheme().equals("tcp")) {
            // Paho leaves Nagle's algorithm on: with the peer's delayed ACK, a small message can wait 40 ms or more
            options.setSocketFactory(NO_DELAY);
        }
        try {
            client.connect(options).waitForCompletion(timeout.toMillis());
        } catch (MqttException e) {
            link.closeQuietly();
            int code = e.getReasonCode();
            if (code == MqttException.REASON_CODE_FAILED_AUTHENTICATION || code == MqttException.REASON_CODE_NOT_AUTHORIZED) {
                throw new UserError("MQTT broker " + url + " refused the login" + (login == null ? " (none was given)"
                        : " of '" + login.username() + "'") + "; check the broker's user name and password", e);
            }
            throw new UserError("MQTT broker " + url + " is not reachable (" + e.getMessage()
                    + "); start it or give a reachable broker with --broker tcp://host:port", e);
        }
        return link;
    }

    /**
     * Whether Paho's loops of every link share a few carrier threads (virtual threads, Java 24 and later) rather
     * than holding three platform threads per link: what decides how many live runs a machine carries.
     */
    public static boolean lightClients() {
        return MqttThreads.kind().equals("virtual");
    }

    public String clientId() {
        return clientId;
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Called with true after each (re)connection and false after each loss, on the delivery thread. */
    public void onConnectionChange(Consumer<Boolean> listener) {
        connectionListeners.add(listener);
    }

    /**
     * Publishes a message. The future completes when QoS 0 is written or QoS 1/2 is acknowledged, and fails when
     * the client is disconnected or too many messages are in flight; callers that must not lose a message keep
     * it (see {@link Outbox}) until the future completes.
     */
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        MqttMessage message = new MqttMessage(payload);
        message.setQos(qos);
        message.setRetained(retained);
        try {
            client.publish(topic, message, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    done.complete(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (MqttException | RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    /** Subscribes now and again after every reconnection. */
    public void subscribe(String filter, int qos, Handler handler) {
        subscriptions.add(new Subscription(filter, qos, handler));
        subscribeOnBroker(filter, qos);
    }

    private void subscribeOnBroker(String filter, int qos) {
        try {
            if (client.isConnected()) {
                client.subscribe(filter, qos).waitForCompletion(10_000);
            }
        } catch (MqttException e) {
            // the connection dropped meanwhile; connectComplete subscribes again
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(1000).waitForCompletion(2000);
            }
        } catch (MqttException e) {
            // closing anyway
        }
        closeQuietly();
    }

    /** Drops the connection without a DISCONNECT, so the broker publishes the last will (a device dying). */
    public void kill() {
        try {
            client.disconnectForcibly(0, 0, false);
        } catch (MqttException e) {
            // already gone
        }
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            client.close(true);
        } catch (MqttException e) {
            // nothing left to release
        }
        closed = true;
    }

    private void dispatch(Runnable task) {
        if (closed) {
            return; // late callbacks from Paho after close are dropped
        }
        try {
            delivery.execute(task);
        } catch (RejectedExecutionException closed) {
            // the link is closed; late callbacks from Paho are dropped
        }
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            dispatch(() -> {
                if (reconnect) {
                    subscriptions.forEach(s -> subscribeOnBroker(s.filter(), s.qos()));
                }
                connectionListeners.forEach(l -> l.accept(true));
            });
        }

        @Override
        public void connectionLost(Throwable cause) {
            dispatch(() -> connectionListeners.forEach(l -> l.accept(false)));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            byte[] payload = message.getPayload();
            dispatch(() -> {
                for (Subscription s : subscriptions) {
                    if (MqttTopic.isMatched(s.filter(), topic)) {
                        s.handler().onMessage(topic, payload);
                    }
                }
            });
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // publish() completes its own future
        }
    }
}
