package org.m2mkit.web.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.m2mkit.web.accounts.Role;
import org.m2mkit.web.accounts.SessionStore;
import org.m2mkit.web.db.Sql;

/**
 * The two steps of an LTI 1.3 launch (1EdTech Security Framework, OpenID Connect third-party initiated login):
 * the platform's login initiation, answered with a redirect to its authorization endpoint carrying a fresh
 * {@code state} and {@code nonce}; then the platform's form post of the signed {@code id_token}, checked here
 * claim by claim. The state is bound to the browser that started the login (a cookie) and kept in the database,
 * so the launch may reach another node of the kit.
 */
final class Launches {

    /** Tokens whose times are off by this much either way are still accepted (clocks drift). */
    static final Duration SKEW = Duration.ofSeconds(60);
    /** How long the platform has, after the login initiation, to post the launch. */
    static final Duration LOGIN_LIFETIME = Duration.ofMinutes(10);

    /** Where the login initiation sends the browser, and the cookie that binds the login to it. */
    record Login(String redirect, String browser) {}

    /** A launch that passed every check. */
    record Launch(Platform platform, String messageType, String deploymentId, String subject, String name,
                  String email, Role role, JWTClaimsSet claims, String stateHash) {

        boolean deepLinking() {
            return Claims.DEEP_LINKING_REQUEST.equals(messageType);
        }

        Map<String, Object> object(String claim) {
            try {
                Map<String, Object> m = claims.getJSONObjectClaim(claim);
                return m == null ? Map.of() : m;
            } catch (ParseException e) {
                return Map.of();
            }
        }

        String string(Map<String, Object> object, String key) {
            Object v = object.get(key);
            return v instanceof String s && !s.isBlank() ? s : null;
        }
    }

    private final Sql sql;
    private final Platforms platforms;
    private final Map<String, JWKSource<SecurityContext>> keySets = new ConcurrentHashMap<>();

    Launches(DataSource db, Platforms platforms) {
        this.sql = new Sql(db);
        this.platforms = platforms;
    }

    /**
     * Step one: checks the platform's login initiation and remembers its state and nonce.
     *
     * @param params      the request's parameters (query or form)
     * @param browser     the browser's binding cookie, or null when it has none yet
     * @param launchUrl   the kit's launch address, the {@code redirect_uri}
     */
    Login login(Map<String, String> params, String browser, String launchUrl) {
        String iss = params.get("iss");
        if (blank(iss)) {
            throw new LaunchRefused("Not a launch", "The learning platform did not say who it is (the parameter iss "
                    + "is missing). Start the activity from your course in the platform.");
        }
        Platform platform = registration(iss, params.get("client_id"));
        String deployment = params.get("lti_deployment_id");
        if (!blank(deployment) && !platform.knows(deployment)) {
            throw unknownDeployment(platform, deployment);
        }
        for (String required : List.of("login_hint", "target_link_uri")) {
            if (blank(params.get(required))) {
                throw new LaunchRefused("Not a launch", "The learning platform's login request lacks the parameter "
                        + required + ", which LTI 1.3 requires. Ask the platform's administrator to check the tool.");
            }
        }
        String state = SessionStore.newToken();
        String nonce = SessionStore.newToken();
        String binding = browser != null && browser.length() == 43 ? browser : SessionStore.newToken();
        String query = params.entrySet().stream().filter(e -> !blank(e.getValue()))
                .filter(e -> List.of("iss", "login_hint", "target_link_uri", "lti_message_hint", "client_id",
                        "lti_deployment_id").contains(e.getKey()))
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        if (query.length() > 8000) {
            throw new LaunchRefused("Not a launch", "The learning platform's login request is longer than the kit "
                    + "accepts (8000 characters).");
        }
        sql.tx(c -> {
            Instant old = Instant.now().minus(Duration.ofDays(1)); // what is left of launches of days ago
            for (String table : List.of("lti_login", "lti_handoff", "lti_deep_link")) {
                Sql.update(c, "DELETE FROM " + table + " WHERE expires_at < ?", old);
            }
            Sql.update(c, "INSERT INTO lti_login (state_hash, browser_hash, nonce, platform_id, login_query, expires_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", SessionStore.hash(state), SessionStore.hash(binding), nonce, platform.id(),
                    query, Instant.now().plus(LOGIN_LIFETIME));
            return null;
        });
        Map<String, String> auth = new LinkedHashMap<>();
        auth.put("scope", "openid");
        auth.put("response_type", "id_token");
        auth.put("response_mode", "form_post");
        auth.put("prompt", "none");
        auth.put("client_id", platform.clientId());
        auth.put("redirect_uri", launchUrl);
        auth.put("login_hint", params.get("login_hint"));
        auth.put("state", state);
        auth.put("nonce", nonce);
        if (!blank(params.get("lti_message_hint"))) {
            auth.put("lti_message_hint", params.get("lti_message_hint"));
        }
        String q = auth.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return new Login(platform.authUrl() + (platform.authUrl().contains("?") ? "&" : "?") + q, binding);
    }

    private Platform registration(String iss, String clientId) {
        List<Platform> registrations = platforms.byIssuer(iss);
        if (registrations.isEmpty()) {
            throw new LaunchRefused("Platform not registered", "The learning platform " + iss + " is not registered "
                    + "in this kit. An instructor registers it on the kit's page Instructor > LMS (LTI), with the "
                    + "values the platform shows for the tool.");
        }
        if (!blank(clientId)) {
            return registrations.stream().filter(p -> p.clientId().equals(clientId)).findFirst()
                    .orElseThrow(() -> new LaunchRefused("Platform not registered", "The learning platform " + iss
                            + " is registered in this kit, but not with the client id " + clientId + ". Register "
                            + "that client id on the kit's page Instructor > LMS (LTI)."));
        }
        if (registrations.size() > 1) {
            throw new LaunchRefused("Which registration?", "The learning platform " + iss + " is registered in this "
                    + "kit more than once and did not say which client id this launch is for (client_id).");
        }
        return registrations.get(0);
    }

    private static LaunchRefused unknownDeployment(Platform platform, String deployment) {
        return new LaunchRefused("Deployment not registered", "The deployment " + deployment + " of "
                + platform.issuer() + " is not registered in this kit. Add its deployment id on the kit's page "
                + "Instructor > LMS (LTI).");
    }

    /**
     * Step two: checks the launch's state against the login, then the {@code id_token}: RS256 signature by one of
     * the platform's published keys, issuer, audience (and authorized party), expiry and issue time, nonce, LTI
     * version, message type, deployment and the claims the message type requires. Nothing is written unless all
     * of it holds; then the state is used up, so the same launch cannot be posted again.
     */
    Launch launch(String idToken, String state, String browser) {
        if (blank(idToken) || blank(state)) {
            throw new LaunchRefused("Not a launch", "This address receives launches posted by a learning platform "
                    + "(id_token and state); start the activity from your course in the platform.");
        }
        record Pending(String browserHash, String nonce, long platformId, String query, Instant expires, Instant used) {}
        String stateHash = SessionStore.hash(state);
        Pending login = sql.one("SELECT browser_hash, nonce, platform_id, login_query, expires_at, used_at FROM lti_login "
                + "WHERE state_hash = ?", rs -> new Pending(rs.getString(1), rs.getString(2), rs.getLong(3),
                rs.getString(4), Sql.instant(rs, "expires_at"), Sql.instant(rs, "used_at")), stateHash);
        if (login == null) {
            throw new LaunchRefused("Launch not recognised", "This launch did not start at this kit (its state is "
                    + "unknown). Start the activity again from your course in the platform.");
        }
        if (login.used() != null) {
            throw new LaunchRefused("Launch used already", "This launch was used already; a launch is good for one "
                    + "sign-in. Start the activity again from your course in the platform.");
        }
        if (login.expires().isBefore(Instant.now())) {
            throw new LaunchRefused("Launch expired", "This launch took longer than "
                    + LOGIN_LIFETIME.toMinutes() + " minutes to arrive. Start the activity again from your course.");
        }
        if (browser == null || !SessionStore.hash(browser).equals(login.browserHash())) {
            throw new LaunchRefused("Your browser blocked the kit's cookie", "The launch came back to a browser that "
                    + "does not hold the cookie the kit set when it began, as happens when a browser blocks cookies "
                    + "inside another site's frame. Open the activity in a window of its own.",
                    "/lti/login?" + login.query());
        }
        Platform platform = platforms.find(login.platformId()).orElseThrow(() -> new LaunchRefused(
                "Platform not registered", "The platform this launch began with was removed from the kit meanwhile."));
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(idToken);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new LaunchRefused("Not a launch", "The id_token the platform posted is not a signed JWT ("
                    + e.getMessage() + ").");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new LaunchRefused("Wrong signature", "The launch is signed with " + jwt.getHeader().getAlgorithm()
                    + "; LTI 1.3 launches are signed with RS256 only.");
        }
        if (!platform.issuer().equals(claims.getIssuer())) {
            throw new LaunchRefused("Unknown issuer", "The launch was issued by " + claims.getIssuer()
                    + ", but the login began with " + platform.issuer() + ". Start the activity again.");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(platform.clientId())) {
            throw new LaunchRefused("Wrong audience", "The launch is addressed to " + audience + ", not to this kit's "
                    + "client id " + platform.clientId() + " at " + platform.issuer() + ".");
        }
        if (audience.size() > 1 && !platform.clientId().equals(string(claims, "azp"))) {
            throw new LaunchRefused("Wrong audience", "The launch names several audiences but its authorized party "
                    + "(azp) is " + string(claims, "azp") + ", not this kit's client id " + platform.clientId() + ".");
        }
        verifySignature(jwt, platform);
        Instant now = Instant.now();
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (exp == null || iat == null) {
            throw missing("exp and iat");
        }
        if (exp.toInstant().plus(SKEW).isBefore(now)) {
            throw new LaunchRefused("Launch expired", "The launch's token expired at " + exp.toInstant()
                    + ". Start the activity again from your course; if it keeps happening, check the clocks of the "
                    + "platform's server and of the kit's.");
        }
        if (iat.toInstant().minus(SKEW).isAfter(now)) {
            throw new LaunchRefused("Launch from the future", "The launch's token says it was issued at "
                    + iat.toInstant() + ", after the kit's clock (" + now + "). Check the servers' clocks.");
        }
        if (!login.nonce().equals(string(claims, "nonce"))) {
            throw new LaunchRefused("Launch replayed", "The launch's nonce is not the one this login gave the "
                    + "platform: the token belongs to another launch (it may be a replay). Start the activity again.");
        }
        if (!Claims.VERSION_13.equals(string(claims, Claims.VERSION))) {
            throw new LaunchRefused("Unsupported LTI version", "The launch says LTI version "
                    + string(claims, Claims.VERSION) + "; the kit speaks LTI 1.3.0.");
        }
        String type = string(claims, Claims.MESSAGE_TYPE);
        if (!Claims.RESOURCE_LINK_REQUEST.equals(type) && !Claims.DEEP_LINKING_REQUEST.equals(type)) {
            throw new LaunchRefused("Unsupported message", "The launch is a " + type + " message; the kit takes "
                    + "LtiResourceLinkRequest and LtiDeepLinkingRequest.");
        }
        String deployment = string(claims, Claims.DEPLOYMENT_ID);
        if (deployment == null) {
            throw missing(Claims.DEPLOYMENT_ID);
        }
        if (!platform.knows(deployment)) {
            throw unknownDeployment(platform, deployment);
        }
        String subject = claims.getSubject();
        if (blank(subject)) {
            throw missing("sub (the person)");
        }
        List<String> roles;
        try {
            roles = claims.getStringListClaim(Claims.ROLES);
        } catch (ParseException e) {
            throw missing(Claims.ROLES + " (as a list of role URIs)");
        }
        if (roles == null) {
            throw missing(Claims.ROLES);
        }
        Launch launch = new Launch(platform, type, deployment, subject, name(claims), string(claims, "email"),
                LtiRoles.of(roles), claims, stateHash);
        if (launch.deepLinking()) {
            if (launch.string(launch.object(Claims.DEEP_LINKING_SETTINGS), "deep_link_return_url") == null) {
                throw missing(Claims.DEEP_LINKING_SETTINGS + " deep_link_return_url");
            }
        } else if (launch.string(launch.object(Claims.RESOURCE_LINK), "id") == null) {
            throw missing(Claims.RESOURCE_LINK + " id");
        } else if (blank(string(claims, Claims.TARGET_LINK_URI))) {
            throw missing(Claims.TARGET_LINK_URI);
        }
        return launch;
    }

    /** Uses up the launch's state; false when another request used it first. */
    boolean consume(Launch launch, java.sql.Connection c) throws java.sql.SQLException {
        return Sql.update(c, "UPDATE lti_login SET used_at = ? WHERE state_hash = ? AND used_at IS NULL",
                Instant.now(), launch.stateHash()) == 1;
    }

    private void verifySignature(SignedJWT jwt, Platform platform) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys(platform)));
        processor.setJWTClaimsSetVerifier((claims, context) -> { }); // checked one by one, with clear messages
        try {
            processor.process(jwt, null);
        } catch (KeySourceException e) {
            throw new LaunchRefused("Platform keys unavailable", "The kit could not read the platform's public keys "
                    + "from " + platform.jwksUrl() + " (" + e.getMessage() + "). Check the Public keyset URL of "
                    + "the registration, then start the activity again.");
        } catch (BadJOSEException | JOSEException e) {
            throw new LaunchRefused("Wrong signature", "The launch's signature does not verify with the keys "
                    + platform.issuer() + " publishes at " + platform.jwksUrl() + ": it was not signed by that "
                    + "platform, or was changed on the way.");
        }
    }

    /** The platform's key set, fetched when first needed and cached (refetched when a token names a new key). */
    private JWKSource<SecurityContext> keys(Platform platform) {
        return keySets.computeIfAbsent(platform.id() + " " + platform.jwksUrl(), k -> {
            try {
                return JWKSourceBuilder.<SecurityContext>create(URI.create(platform.jwksUrl()).toURL(),
                        new DefaultResourceRetriever(5000, 5000, 512 * 1024)).retrying(true).build();
            } catch (MalformedURLException e) {
                throw new LaunchRefused("Platform keys unavailable", "The Public keyset URL " + platform.jwksUrl()
                        + " is not a URL.");
            }
        });
    }

    private static String name(JWTClaimsSet claims) {
        String name = string(claims, "name");
        if (name == null) {
            List<String> parts = new ArrayList<>();
            for (String part : List.of("given_name", "family_name")) {
                if (string(claims, part) != null) {
                    parts.add(string(claims, part));
                }
            }
            name = parts.isEmpty() ? null : String.join(" ", parts);
        }
        return name;
    }

    static String string(JWTClaimsSet claims, String name) {
        Object v = claims.getClaim(name);
        return v instanceof String s && !s.isBlank() ? s : null;
    }

    private static LaunchRefused missing(String claim) {
        return new LaunchRefused("Launch incomplete", "The launch lacks the claim " + claim + ", which LTI 1.3 "
                + "requires. Ask the platform's administrator to check the tool's configuration.");
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
