package org.m2mkit.web.jshell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.m2mkit.web.testing.WebClient;

/** Calls the JShell API as the lesson page does: JSON bodies, the CSRF header, the sign-in cookie. */
final class JsonApi {
    static final ObjectMapper JSON = new ObjectMapper();

    private final WebClient client;
    private final int port;

    JsonApi(WebClient client, int port) {
        this.client = client;
        this.port = port;
    }

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {}

    Answer post(String path, Object body) {
        return post(path, body, client.csrf());
    }

    Answer post(String path, Object body, String csrf) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s
                            : JSON.writeValueAsString(body)));
            if (csrf != null) {
                b.header("X-CSRF-Token", csrf);
            }
            HttpResponse<String> r = client.send(b.build());
            return new Answer(r.statusCode(), JSON.readTree(r.body().isEmpty() ? "{}" : r.body()), r);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens the notebook of a lesson and returns its id. */
    String open(String lesson) {
        Answer a = post("/api/jshell/sessions", java.util.Map.of("lesson", lesson));
        if (a.status() != 200) {
            throw new AssertionError("opening a session answered " + a.status() + ": " + a.body());
        }
        return a.body().get("id").asText();
    }

    Answer eval(String id, String code) {
        return post("/api/jshell/sessions/" + id + "/eval", java.util.Map.of("code", code));
    }
}
