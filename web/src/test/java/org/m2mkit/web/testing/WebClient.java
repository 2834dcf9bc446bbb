package org.m2mkit.web.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A browser-like HTTP client for tests: keeps cookies, does not follow redirects, sends the CSRF token on forms. */
public final class WebClient {

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public WebClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build());
    }

    public HttpResponse<String> getJson(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET().build());
    }

    /** Posts a form with the CSRF token this client was given (it GETs the sign-in page first if it has none). */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.putIfAbsent("_csrf", csrf());
        return postWithoutToken(path, all);
    }

    /** Posts a form exactly as given, without adding a CSRF token. */
    public HttpResponse<String> postWithoutToken(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Signs in and checks that it worked. */
    public WebClient signIn(String username, String password) {
        HttpResponse<String> r = post("/sign-in", Map.of("username", username, "password", password));
        if (r.statusCode() != 303) {
            throw new AssertionError("sign-in as " + username + " answered " + r.statusCode() + ": " + r.body());
        }
        return this;
    }

    public String csrf() {
        String token = cookie("m2mkit_csrf");
        if (token == null) {
            get("/sign-in");
            token = cookie("m2mkit_csrf");
        }
        return token;
    }

    /** Takes over the cookies of {@code other}, as a second tab of the same browser would have them. */
    public void cookies(WebClient other) {
        other.cookies.getCookieStore().getCookies().forEach(c -> cookies.getCookieStore().add(URI.create(base), c));
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** The underlying client, with this client's cookies. */
    public HttpClient http() {
        return http;
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
