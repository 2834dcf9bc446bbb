package org.m2mkit.web.lti;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.m2mkit.web.db.Sql;

/** The registered platforms and their deployments, with the checks a registration form goes through. */
final class Platforms {

    /** What an instructor typed into the registration form. */
    public record Form(String issuer, String clientId, String deployments, String authUrl, String tokenUrl, String jwksUrl) {
        static Form of(Map<String, List<String>> params) {
            return new Form(field(params, "issuer"), field(params, "clientId"), field(params, "deployments"),
                    field(params, "authUrl"), field(params, "tokenUrl"), field(params, "jwksUrl"));
        }

        private static String field(Map<String, List<String>> params, String name) {
            List<String> v = params.get(name);
            return v == null || v.isEmpty() || v.get(0) == null ? "" : v.get(0).strip();
        }
    }

    private final Sql sql;

    Platforms(DataSource db) {
        this.sql = new Sql(db);
    }

    List<Platform> list() {
        return sql.list("SELECT id FROM lti_platform ORDER BY issuer, client_id", rs -> rs.getLong(1)).stream()
                .map(id -> find(id).orElseThrow()).toList();
    }

    Optional<Platform> find(long id) {
        Platform p = sql.one("SELECT id, issuer, client_id, auth_url, token_url, jwks_url FROM lti_platform WHERE id = ?",
                rs -> new Platform(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), List.of()), id);
        if (p == null) {
            return Optional.empty();
        }
        List<String> deployments = sql.list("SELECT deployment_id FROM lti_deployment WHERE platform_id = ? "
                + "ORDER BY deployment_id", rs -> rs.getString(1), id);
        return Optional.of(new Platform(p.id(), p.issuer(), p.clientId(), p.authUrl(), p.tokenUrl(), p.jwksUrl(),
                deployments));
    }

    /** The registrations of an issuer (a platform may have registered the kit more than once, under several client ids). */
    List<Platform> byIssuer(String issuer) {
        return sql.list("SELECT id FROM lti_platform WHERE issuer = ? ORDER BY id", rs -> rs.getLong(1), issuer)
                .stream().map(id -> find(id).orElseThrow()).toList();
    }

    /** The problems of a registration form; empty when it can be saved. */
    List<String> problems(Form f) {
        List<String> problems = new ArrayList<>();
        urlProblem("Platform ID (issuer)", f.issuer()).ifPresent(problems::add);
        if (f.clientId().isEmpty()) {
            problems.add("Client ID is empty; copy the client id the platform gave the kit");
        } else if (f.clientId().length() > 255) {
            problems.add("Client ID is longer than 255 characters");
        }
        List<String> deployments = deployments(f.deployments());
        if (deployments.isEmpty()) {
            problems.add("Deployment IDs is empty; give at least one, one per line");
        }
        deployments.stream().filter(d -> d.length() > 255).findFirst()
                .ifPresent(d -> problems.add("a deployment id is longer than 255 characters"));
        urlProblem("Authentication request URL", f.authUrl()).ifPresent(problems::add);
        urlProblem("Access token URL", f.tokenUrl()).ifPresent(problems::add);
        urlProblem("Public keyset URL", f.jwksUrl()).ifPresent(problems::add);
        if (problems.isEmpty() && sql.one("SELECT id FROM lti_platform WHERE issuer = ? AND client_id = ?",
                rs -> rs.getLong(1), f.issuer(), f.clientId()) != null) {
            problems.add("the platform " + f.issuer() + " is registered with client id " + f.clientId()
                    + " already; remove that registration first to change it");
        }
        return problems;
    }

    /** Saves a form {@link #problems} found nothing wrong with. */
    long add(Form f) {
        return sql.tx(c -> {
            long id = Sql.insert(c, "INSERT INTO lti_platform (issuer, client_id, auth_url, token_url, jwks_url) "
                    + "VALUES (?, ?, ?, ?, ?)", f.issuer(), f.clientId(), f.authUrl(), f.tokenUrl(), f.jwksUrl());
            for (String d : deployments(f.deployments())) {
                Sql.update(c, "INSERT INTO lti_deployment (platform_id, deployment_id) VALUES (?, ?)", id, d);
            }
            return id;
        });
    }

    boolean remove(long id) {
        return sql.update("DELETE FROM lti_platform WHERE id = ?", id) == 1;
    }

    static List<String> deployments(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String d : text.split("[\\r\\n,]+")) {
            if (!d.isBlank()) {
                out.add(d.strip());
            }
        }
        return List.copyOf(out);
    }

    /**
     * Why {@code text} is not an acceptable platform address: it must be an absolute https URL; plain http is
     * accepted for a platform on this machine's loopback interface only (a test platform).
     */
    static Optional<String> urlProblem(String field, String text) {
        if (text.isEmpty()) {
            return Optional.of(field + " is empty; copy it from the platform's tool registration");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.of(field + " '" + text + "' is not a URL (" + e.getReason() + ")");
        }
        if (text.length() > 1000) {
            return Optional.of(field + " is longer than 1000 characters");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of(field + " '" + text + "' is not an https:// address of a server");
        }
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            return Optional.of(field + " '" + text + "' uses plain http; a platform is accepted over https only "
                    + "(plain http only for a platform on this machine, such as localhost)");
        }
        if (uri.getFragment() != null) {
            return Optional.of(field + " '" + text + "' has a #fragment; give the address without it");
        }
        return Optional.empty();
    }

    static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!h.matches("[0-9A-Fa-f:.]+")) {
            return false; // a name other than localhost is never looked up
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
