package org.m2mkit.web.labs;

import java.time.Duration;
import org.m2mkit.labs.UserError;
import org.m2mkit.labs.broker.BrokerAccess;
import org.m2mkit.labs.broker.BrokerLogin;
import org.m2mkit.labs.broker.BrokerProbe;
import org.m2mkit.labs.broker.EmbeddedBroker;

/**
 * The kit's MQTT broker as the live lab sees it: the embedded one, which the console may restart on the same
 * port (every client reconnects by itself, with the same logins), or an external one given by URL, which the kit
 * leaves alone.
 */
public final class KitBroker implements AutoCloseable {

    private final String url;
    private final String host;
    private final BrokerLogin login;
    private EmbeddedBroker embedded;
    private boolean closed;

    private KitBroker(String url, String host, BrokerLogin login, EmbeddedBroker embedded) {
        this.url = url;
        this.host = host;
        this.login = login;
        this.embedded = embedded;
    }

    /** Takes over a started embedded broker (closing this closes it). */
    public static KitBroker embedded(EmbeddedBroker broker, String host) {
        return new KitBroker(broker.url(), host, broker.access(), broker);
    }

    /** An external broker, which the kit's clients sign in to with {@code login}. */
    public static KitBroker external(String url, BrokerLogin login) {
        return new KitBroker(url, null, login, null);
    }

    public String url() {
        return url;
    }

    /** How the live runs' clients sign in: the embedded broker's {@link BrokerAccess}, or the external login. */
    public BrokerLogin login() {
        return login;
    }

    /** Clears the retained messages of a run's area that has ended (the embedded broker only). */
    public synchronized void clearRetained(String area) {
        if (embedded != null) {
            embedded.clearRetained(area);
        }
    }

    public boolean isEmbedded() {
        return host != null;
    }

    public synchronized boolean isRunning() {
        if (embedded != null) {
            return embedded.isRunning();
        }
        return host == null && BrokerProbe.reachable(url, Duration.ofSeconds(1));
    }

    /**
     * Stops the embedded broker, waits {@code downFor}, and starts it again on the same port.
     *
     * @throws UserError with an external broker, or when the port cannot be had again
     */
    public void restart(Duration downFor) {
        EmbeddedBroker stopped;
        synchronized (this) {
            if (host == null) {
                throw new UserError("the kit uses the external broker " + url + "; restart it there");
            }
            if (closed || embedded == null) {
                throw new UserError("the broker is already restarting");
            }
            stopped = embedded;
            stopped.close();
            embedded = null;
        }
        sleep(downFor.toMillis());
        UserError last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            synchronized (this) {
                if (closed) {
                    return;
                }
                try {
                    embedded = stopped.startAgain();
                    return;
                } catch (UserError e) {
                    last = e; // the port may take a moment to free
                }
            }
            sleep(100);
        }
        throw last;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }
}
