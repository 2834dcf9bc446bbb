package org.m2mkit.labs.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Checks, before a run starts, that an external broker accepts connections. */
public final class BrokerProbe {

    private BrokerProbe() {
    }

    /**
     * Whether a TCP connection to the broker at {@code url} opens within {@code timeout}.
     *
     * @throws org.m2mkit.labs.UserError when {@code url} is not {@code tcp://host:port} or {@code ssl://host:port}
     */
    public static boolean reachable(String url, Duration timeout) {
        BrokerUrl parsed = BrokerUrl.parse(url);
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(parsed.host(), parsed.port()), millis);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
