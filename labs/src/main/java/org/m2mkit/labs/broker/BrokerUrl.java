package org.m2mkit.labs.broker;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.m2mkit.labs.UserError;

/** A parsed MQTT broker address of the form {@code tcp://host:port} or {@code ssl://host:port}. */
public record BrokerUrl(String scheme, String host, int port) {

    /** Parses {@code url}, throwing a {@link UserError} that names the value and the accepted forms. */
    public static BrokerUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw invalid(url);
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = uri.getPath() == null || uri.getPath().isEmpty() || "/".equals(uri.getPath());
            if (!(scheme.equals("tcp") || scheme.equals("ssl")) || uri.getHost() == null
                    || uri.getPort() < 1 || uri.getPort() > 65535 || !bare || uri.getQuery() != null) {
                throw invalid(url);
            }
            return new BrokerUrl(scheme, uri.getHost(), uri.getPort());
        } catch (URISyntaxException e) {
            throw invalid(url);
        }
    }

    private static UserError invalid(String url) {
        return new UserError("broker URL '" + url + "' is not valid; use tcp://host:port or ssl://host:port");
    }

    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port;
    }
}
