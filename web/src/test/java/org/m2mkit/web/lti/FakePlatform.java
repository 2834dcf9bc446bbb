package org.m2mkit.web.lti;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The platform's side of LTI 1.3 for tests, on a JDK HTTP server on a free loopback port: its key set, an OAuth 2
 * token endpoint that checks the kit's signed client assertion against the kit's published keys, a line item's
 * score endpoint and a course roster in two pages. It signs launches with a real RSA key; everything the kit sends
 * it is recorded.
 */
final class FakePlatform implements AutoCloseable {

    static final String CLIENT_ID = "kit-client";
    static final String DEPLOYMENT = "deployment-1";
    static final String CONTEXT = "course-42";

    /** A request the platform received. */
    record Received(String method, String path, Map<String, String> headers, String body) {}

    final RSAKey key;
    final List<Received> scores = new CopyOnWriteArrayList<>();
    final List<Received> tokenRequests = new CopyOnWriteArrayList<>();
    /** While set, the line items refuse scores as a grade book with a closed column would (400, not worth retrying). */
    volatile boolean refuseScores;
    private final KitKeys kitKeys;
    private final AtomicInteger tokens = new AtomicInteger();
    private final int port;
    private HttpServer server;

    /** Where the platform reads the kit's public keys. */
    interface KitKeys {
        JWKSet load() throws Exception;
    }

    /** A platform that reads the kit's keys from its key set address, as a real one does. */
    FakePlatform(String kitJwks) throws Exception {
        this(() -> JWKSet.load(URI.create(kitJwks).toURL()));
    }

    FakePlatform(KitKeys kitKeys) throws Exception {
        this.kitKeys = kitKeys;
        this.key = new RSAKeyGenerator(2048).keyID("platform-key-1").generate();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.port = server.getAddress().getPort();
        serve();
    }

    String issuer() {
        return "http://127.0.0.1:" + port;
    }

    String url(String path) {
        return issuer() + path;
    }

    /** Stops answering: the port refuses connections until {@link #restart}. */
    void stop() {
        server.stop(0);
    }

    /** Answers again, on the same port. */
    void restart() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        serve();
    }

    private void serve() {
        server.createContext("/jwks", ex -> answer(ex, 200, "application/json",
                new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/token", this::token);
        server.createContext("/course", this::course);
        server.createContext("/auth", this::authorize);
        server.createContext("/lineitems/", ex -> {
            Received r = received(ex);
            if (!r.path().endsWith("/scores") || !r.method().equals("POST")) {
                answer(ex, 404, "text/plain", "no such line item endpoint");
                return;
            }
            if (refuseScores) {
                answer(ex, 400, "application/json", "{\"error\":\"the grade column is closed\"}");
                return;
            }
            scores.add(r);
            answer(ex, 200, "application/json", "{}");
        });
        server.createContext("/memberships", ex -> {
            Received r = received(ex);
            if (!r.headers().getOrDefault("authorization", "").startsWith("Bearer at-")) {
                answer(ex, 401, "text/plain", "no token");
                return;
            }
            boolean second = ex.getRequestURI().getQuery() != null && ex.getRequestURI().getQuery().contains("page=2");
            if (!second) {
                ex.getResponseHeaders().add("Link", "<" + url("/memberships?page=2") + ">; rel=\"next\"");
            }
            String members = second
                    ? "{\"user_id\":\"roster-3\",\"name\":\"Grace Hopper\",\"email\":\"grace@example.edu\","
                            + "\"roles\":[\"http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor\"]},"
                            + "{\"user_id\":\"roster-4\",\"name\":\"Gone Student\",\"status\":\"Inactive\","
                            + "\"roles\":[\"http://purl.imsglobal.org/vocab/lis/v2/membership#Learner\"]}"
                    : "{\"user_id\":\"student-1\",\"name\":\"Ada Lovelace\",\"status\":\"Active\","
                            + "\"roles\":[\"http://purl.imsglobal.org/vocab/lis/v2/membership#Learner\"]},"
                            + "{\"user_id\":\"roster-2\",\"given_name\":\"Alan\",\"family_name\":\"Turing\","
                            + "\"email\":\"alan.turing@example.edu\","
                            + "\"roles\":[\"http://purl.imsglobal.org/vocab/lis/v2/membership#Learner\"]}";
            answer(ex, 200, RosterPull.MEMBERSHIP_TYPE, "{\"id\":\"" + url("/memberships") + "\",\"context\":{\"id\":\""
                    + CONTEXT + "\"},\"members\":[" + members + "]}");
        });
        server.start();
    }

    /**
     * A course page that shows the kit in a frame, as an LMS does: the frame starts the kit's login (query
     * {@code kit}: the kit's address, {@code user}: who is launching, {@code target}: the kit page).
     */
    private void course(HttpExchange ex) throws IOException {
        Map<String, String> q = form(ex.getRequestURI().getRawQuery());
        answer(ex, 200, "text/html", "<!DOCTYPE html><html lang=\"en\"><head><title>Course</title></head><body>"
                + "<h1>M2M Communication, autumn</h1><iframe name=\"tool\" id=\"tool\" title=\"kit\" "
                + "style=\"width:1000px;height:700px\"></iframe>"
                + "<form method=\"post\" target=\"tool\" action=\"" + q.get("kit") + "/lti/login\">"
                + hidden("iss", issuer()) + hidden("login_hint", q.get("user")) + hidden("client_id", CLIENT_ID)
                + hidden("target_link_uri", q.get("kit") + "/lti/launch") + hidden("lti_message_hint", q.get("target"))
                + hidden("lti_deployment_id", DEPLOYMENT) + "</form>"
                + "<script>document.forms[0].submit();</script></body></html>");
    }

    /** The authorization endpoint: signs the launch for the hinted user and posts it back to the kit. */
    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = form(ex.getRequestURI().getRawQuery());
        String idToken;
        try {
            idToken = sign(launch(q.get("nonce"), q.get("login_hint"), "Learner", q.get("lti_message_hint")).build());
        } catch (JOSEException e) {
            answer(ex, 500, "text/plain", e.toString());
            return;
        }
        answer(ex, 200, "text/html", "<!DOCTYPE html><html lang=\"en\"><head><title>Signing in</title></head><body>"
                + "<form method=\"post\" action=\"" + q.get("redirect_uri") + "\">" + hidden("id_token", idToken)
                + hidden("state", q.get("state")) + "</form><script>document.forms[0].submit();</script></body></html>");
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + value.replace("&", "&amp;")
                .replace("\"", "&quot;").replace("<", "&lt;") + "\">";
    }

    /** Grants a token for a client assertion the kit signed with a key of its published set. */
    private void token(HttpExchange ex) throws IOException {
        Received r = received(ex);
        Map<String, String> form = form(r.body());
        try {
            SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
            RSAKey kitKey = kitKeys.load().getKeyByKeyId(assertion.getHeader().getKeyID()).toRSAKey();
            JWTClaimsSet c = assertion.getJWTClaimsSet();
            if (!assertion.verify(new RSASSAVerifier(kitKey)) || !CLIENT_ID.equals(c.getIssuer())
                    || !CLIENT_ID.equals(c.getSubject()) || !c.getAudience().contains(url("/token"))
                    || !"client_credentials".equals(form.get("grant_type"))) {
                answer(ex, 401, "application/json", "{\"error\":\"invalid_client\"}");
                return;
            }
        } catch (Exception e) {
            answer(ex, 400, "application/json", "{\"error\":\"invalid_request\"}");
            return;
        }
        tokenRequests.add(r);
        answer(ex, 200, "application/json", "{\"access_token\":\"at-" + tokens.incrementAndGet()
                + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"" + form.get("scope") + "\"}");
    }

    /** The claims of a resource-link launch of {@code target} for {@code subject}, ready to change and sign. */
    JWTClaimsSet.Builder launch(String nonce, String subject, String role, String target) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer()).audience(CLIENT_ID).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).claim("nonce", nonce)
                .claim("name", "Person " + subject).claim("email", subject + "@example.edu")
                .claim(Claims.MESSAGE_TYPE, Claims.RESOURCE_LINK_REQUEST).claim(Claims.VERSION, "1.3.0")
                .claim(Claims.DEPLOYMENT_ID, DEPLOYMENT)
                .claim(Claims.TARGET_LINK_URI, "http://127.0.0.1/lti/launch")
                .claim(Claims.RESOURCE_LINK, Map.of("id", "link-" + target))
                .claim(Claims.ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#" + role))
                .claim(Claims.CONTEXT, Map.of("id", CONTEXT, "title", "M2M Communication, autumn"))
                .claim(Claims.CUSTOM, Map.of(Claims.CUSTOM_TARGET, target))
                .claim(Claims.AGS_ENDPOINT, Map.of("scope", List.of(Claims.SCOPE_SCORE, Claims.SCOPE_LINEITEM),
                        "lineitem", url("/lineitems/7")))
                .claim(Claims.NRPS, Map.of("context_memberships_url", url("/memberships"),
                        "service_versions", List.of("2.0")));
    }

    String sign(JWTClaimsSet claims) throws JOSEException {
        return sign(claims, key);
    }

    static String sign(JWTClaimsSet claims, RSAKey with) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(with));
        return jwt.serialize();
    }

    private static Received received(HttpExchange ex) throws IOException {
        Map<String, String> headers = new HashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        return new Received(ex.getRequestMethod(), ex.getRequestURI().getPath(), headers, body);
    }

    static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : (body == null ? "" : body).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void answer(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    static Map<String, Object> json(String text) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = new ObjectMapper().readValue(text, Map.class);
        return m;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
