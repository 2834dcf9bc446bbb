package org.m2mkit.labs.broker;

import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.m2mkit.labs.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT 3.1.1 broker (Moquette) running inside this JVM, for a lab on a laptop. It keeps everything in
 * memory (no files in the working directory), sends no telemetry, and logs through slf4j only. Why Moquette:
 * docs/broker-choice.md.
 *
 * <p>It lets in only the logins of its {@link BrokerAccess} (no anonymous clients), which say what each client may
 * publish and read, and keeps retained messages within {@link RetainedLimits}; docs/security.md.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final Server server;
    private final String host;
    private final int port;
    private final BrokerAccess access;
    private final RetainedLimits limits;
    private final RetainedGuard retained;
    private final AtomicBoolean running = new AtomicBoolean(true);

    private EmbeddedBroker(Server server, String host, int port, BrokerAccess access, RetainedLimits limits,
                           RetainedGuard retained) {
        this.server = server;
        this.host = host;
        this.port = port;
        this.access = access;
        this.limits = limits;
        this.retained = retained;
    }

    /**
     * Starts a broker listening on {@code host:port} with a new random {@link BrokerAccess}; port 0 picks a free
     * port.
     *
     * @throws UserError when the port is taken or the host cannot be bound
     */
    public static EmbeddedBroker start(String host, int port) {
        return start(host, port, BrokerAccess.random(), RetainedLimits.DEFAULT);
    }

    /**
     * Starts a broker listening on {@code host:port} that lets in the logins of {@code access} (the same access
     * again when the broker restarts, so that its clients reconnect); port 0 picks a free port. A host that is not
     * a loopback address gets a one-line warning: the broker is then reachable from the network.
     *
     * @throws UserError when the port is taken or the host cannot be bound
     */
    public static EmbeddedBroker start(String host, int port, BrokerAccess access, RetainedLimits limits) {
        if (!isLoopback(host)) {
            LOG.warn("the embedded MQTT broker listens on {}, reachable from the network; only clients with the "
                    + "kit's logins get in (broker-bind 127.0.0.1 keeps it to this machine)", host);
        }
        if (port < 0 || port > 65535) {
            throw new UserError("broker port " + port + " is not valid; use 0 (any free port) or 1-65535");
        }
        if (port != 0) {
            // Check first: Moquette logs a stack trace at ERROR level when its bind fails.
            if (!bindable(host, port)) {
                throw new UserError("broker port " + port + " is already in use; choose a free port with --broker-port");
            }
            return startOn(host, port, access, limits);
        }
        // Moquette reports the configured port, not the bound one, so pick a free port first; another process
        // may take it in between, hence a few attempts.
        UserError last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return startOn(host, freePort(host), access, limits);
            } catch (UserError e) {
                last = e;
            }
        }
        throw last;
    }

    /** Whether {@code host} is a loopback address (127.0.0.0/8, ::1, localhost). */
    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static EmbeddedBroker startOn(String host, int port, BrokerAccess access, RetainedLimits limits) {
        Server server = new Server();
        RetainedGuard retained = new RetainedGuard(limits, server);
        try {
            server.startServer(new MemoryConfig(settings(host, port)), List.of(retained, access.willWatch(),
                    new WillKeeper(server, access::mayPublish)), null,
                    access.authenticator(), access.policy());
        } catch (IOException | RuntimeException e) {
            stopQuietly(server);
            if (causedByBind(e)) {
                throw new UserError("broker port " + port + " is already in use; choose a free port with --broker-port", e);
            }
            throw new UserError("the embedded broker could not start on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new EmbeddedBroker(server, host, port, access, limits, retained);
    }

    private static boolean bindable(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UserError("broker host '" + host + "' cannot be bound: " + e.getMessage(), e);
        }
    }

    static Properties settings(String host, int port) {
        Properties p = new Properties();
        p.setProperty(BrokerConstants.HOST_PROPERTY_NAME, host);
        p.setProperty(BrokerConstants.PORT_PROPERTY_NAME, Integer.toString(port));
        p.setProperty(BrokerConstants.WEB_SOCKET_PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
        // Moquette's defaults persist sessions under ./data and report telemetry over the network: neither here.
        p.setProperty(BrokerConstants.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        p.setProperty(BrokerConstants.ENABLE_TELEMETRY_NAME, "false");
        p.setProperty(BrokerConstants.IMMEDIATE_BUFFER_FLUSH_PROPERTY_NAME, "true");
        // write each message out at once (the newer setting; without it Moquette may batch writes)
        p.setProperty(BrokerConstants.BUFFER_FLUSH_MS_PROPERTY_NAME, Integer.toString(BrokerConstants.IMMEDIATE_BUFFER_FLUSH));
        p.setProperty(BrokerConstants.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(256 * 1024));
        // every client signs in (BrokerAccess); the authenticator and the access rules are given to startServer
        p.setProperty(BrokerConstants.ALLOW_ANONYMOUS_PROPERTY_NAME, "false");
        // one interceptor thread, so that RetainedGuard sees the publishes in order
        p.setProperty(BrokerConstants.BROKER_INTERCEPTOR_THREAD_POOL_SIZE, "1");
        // plain clients such as mosquitto_sub may leave the client id to the broker
        p.setProperty(BrokerConstants.ALLOW_ZERO_BYTE_CLIENT_ID_PROPERTY_NAME, "true");
        return p;
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static void stopQuietly(Server server) {
        try {
            server.stopServer();
        } catch (RuntimeException ignored) {
            // a broker that failed half-way may have nothing to stop
        }
    }

    /** The address clients connect to, {@code tcp://host:port}. */
    public String url() {
        String shown = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        return "tcp://" + shown + ":" + port;
    }

    public int port() {
        return port;
    }

    /**
     * Starts a new broker like this one (stopped, for a restart): same address, port, access and limits, so that
     * its clients reconnect with the logins they have.
     *
     * @throws UserError when the port is not free (yet)
     */
    public EmbeddedBroker startAgain() {
        return start(host, port, access, limits);
    }

    /** Who may sign in and what each login may do; the same for a restart of this broker. */
    public BrokerAccess access() {
        return access;
    }

    /** Retained messages refused (over a {@link RetainedLimits} limit) since this broker started. */
    public long retainedRefused() {
        return retained.refused();
    }

    /** Retained messages the broker holds now. */
    public int retainedCount() {
        return retained.count();
    }

    /** Clears the retained messages of {@code area}, whose run has ended. */
    public void clearRetained(String area) {
        if (running.get()) {
            retained.clearArea(area);
        }
    }

    public boolean isRunning() {
        return running.get();
    }

    /** Stops the broker; calling it again does nothing. */
    @Override
    public void close() {
        if (running.compareAndSet(true, false)) {
            server.stopServer();
            // one line for what Moquette would log per closed connection (quieted in the kit's logging settings)
            LOG.info("embedded MQTT broker on {}:{} stopped; its clients' connections are closed", host, port);
        }
    }
}
