package org.m2mkit.web.lti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls to a platform's LTI Advantage services: an access token by OAuth 2 client credentials with a JWT signed by
 * the kit's key as the client assertion (RFC 7523, as LTI 1.3 prescribes), kept until shortly before it expires;
 * then requests with it as the bearer token.
 */
final class PlatformClient {

    /** A call the platform refused or did not answer; {@code retryable} when trying again later may help. */
    static final class CallFailed extends Exception {
        private final boolean retryable;

        CallFailed(String message, boolean retryable) {
            super(message, null, false, false);
            this.retryable = retryable;
        }

        boolean retryable() {
            return retryable;
        }
    }

    private record Token(String value, Instant expires) {}

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ToolKeys keys;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    PlatformClient(ToolKeys keys) {
        this.keys = keys;
    }

    /** An access token for {@code scopes}, from the cache or fresh from the platform's token endpoint. */
    String token(Platform platform, List<String> scopes) throws CallFailed {
        String key = platform.id() + " " + String.join(" ", scopes);
        Token cached = tokens.get(key);
        if (cached != null && cached.expires().isAfter(Instant.now())) {
            return cached.value();
        }
        Instant now = Instant.now();
        String assertion = keys.sign(new JWTClaimsSet.Builder().issuer(platform.clientId())
                .subject(platform.clientId()).audience(platform.tokenUrl()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5)))).jwtID(UUID.randomUUID().toString())
                .build());
        String form = "grant_type=client_credentials"
                + "&client_assertion_type=" + Launches.enc("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                + "&client_assertion=" + Launches.enc(assertion) + "&scope=" + Launches.enc(String.join(" ", scopes));
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(platform.tokenUrl())).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), "the token endpoint");
        JsonNode body = json(r.body());
        String value = body == null ? null : body.path("access_token").asText(null);
        if (value == null) {
            throw new CallFailed("the platform's token endpoint answered without an access_token: "
                    + abbreviate(r.body()), false);
        }
        long seconds = body.path("expires_in").asLong(3600);
        tokens.put(key, new Token(value, now.plusSeconds(Math.max(0, seconds - 30))));
        return value;
    }

    /** Forgets the platform's tokens (after the platform said a token is not valid). */
    void forget(Platform platform) {
        tokens.keySet().removeIf(k -> k.startsWith(platform.id() + " "));
    }

    /** Sends a request and returns a 2xx answer; anything else is a {@link CallFailed} saying what happened. */
    HttpResponse<String> send(HttpRequest request, String what) throws CallFailed {
        HttpResponse<String> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CallFailed("the platform did not answer at " + what + " (" + request.uri() + "): "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailed("interrupted while calling the platform", true);
        }
        int status = r.statusCode();
        if (status / 100 == 2) {
            return r;
        }
        boolean retryable = status == 401 || status == 408 || status == 429 || status >= 500;
        throw new CallFailed("the platform answered " + status + " at " + what + ": " + abbreviate(r.body()),
                retryable);
    }

    HttpClient http() {
        return http;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    static String abbreviate(String text) {
        String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return t.isEmpty() ? "(no message)" : t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }
}
