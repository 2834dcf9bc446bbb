package org.m2mkit.bench.classroom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * One student's browser: the JDK's blocking {@link HttpURLConnection} on the student's own thread (kept-alive
 * connections, no extra threads per request, so the load generator stays cheap on two cores), with a cookie jar of
 * its own (the kit's session and CSRF cookies) and no automatic redirects, so that every cookie the kit sets is seen.
 * Every request counts in the {@link Tally}: a connection that fails is an error; the caller judges the status.
 */
final class Browser {

    /** An answer: status, body, Location header, time from sending to having the whole body. */
    record Answer(int status, String body, String location, String retryAfter, long micros) {
        boolean ok() {
            return status >= 200 && status < 400;
        }
    }

    private final String base;
    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    Browser(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    String csrf() {
        return cookies.getOrDefault("m2mkit_csrf", "");
    }

    Answer get(String path, String accept) throws IOException {
        return send("GET", path, accept, null, null);
    }

    Answer postForm(String path, Map<String, String> form, String accept) throws IOException {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.put("_csrf", csrf());
        String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send("POST", path, accept, "application/x-www-form-urlencoded", body);
    }

    Answer postJson(String path, String json) throws IOException {
        return send("POST", path, "application/json", "application/json", json);
    }

    /** Opens a long-lived GET (Server-Sent Events); the caller reads and disconnects it. */
    HttpURLConnection open(String path, String accept) throws IOException {
        HttpURLConnection c = connection("GET", path, accept);
        c.setReadTimeout(0);
        return c;
    }

    private Answer send(String method, String path, String accept, String contentType, String body)
            throws IOException {
        long start = System.nanoTime();
        HttpURLConnection c = connection(method, path, accept);
        if (body != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", contentType + "; charset=utf-8");
            c.setRequestProperty("X-CSRF-Token", csrf());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            c.setFixedLengthStreamingMode(bytes.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(bytes);
            }
        }
        int status = c.getResponseCode();
        String text;
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            text = in == null ? "" : read(in);
        }
        long micros = (System.nanoTime() - start) / 1000;
        keepCookies(c);
        return new Answer(status, text, c.getHeaderField("Location"), c.getHeaderField("Retry-After"), micros);
    }

    private HttpURLConnection connection(String method, String path, String accept) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        c.setRequestMethod(method);
        c.setInstanceFollowRedirects(false);
        c.setConnectTimeout(10_000);
        c.setReadTimeout(120_000);
        c.setRequestProperty("Accept", accept);
        if (!cookies.isEmpty()) {
            c.setRequestProperty("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return c;
    }

    private void keepCookies(HttpURLConnection c) {
        for (Map.Entry<String, List<String>> h : c.getHeaderFields().entrySet()) {
            if (h.getKey() == null || !h.getKey().equalsIgnoreCase("Set-Cookie")) {
                continue;
            }
            for (String cookie : h.getValue()) {
                String pair = cookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (value.isEmpty() || cookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
        }
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
