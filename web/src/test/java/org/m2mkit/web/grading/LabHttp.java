package org.m2mkit.web.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.m2mkit.web.testing.WebClient;

/** What the lab pages' scripts do, for tests: JSON posts with the CSRF header, uploads, polling a grading. */
public final class LabHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LabHttp() {
    }

    /** The reference gateway of module labs as a student would submit it (in a package of its own). */
    public static String referenceGateway() {
        return reference("gateway/ReferenceGateway.java");
    }

    static String reference(String file) {
        try {
            return Files.readString(Path.of("../labs/src/main/java/org/m2mkit/labs").resolve(file))
                    .replaceFirst("package org\\.m2mkit\\.labs\\.\\w+;", "package solution;");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A form post as the page's script sends it: URL-encoded, with the CSRF header, asking for JSON. */
    public static HttpResponse<String> postJson(WebClient c, int port, String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .header("X-CSRF-Token", c.csrf()).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A multipart upload of one file in the field {@code file}, as the submission form sends it. */
    public static HttpResponse<String> upload(WebClient c, int port, String path, String fileName, byte[] content) {
        String boundary = "m2mkit" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + c.csrf()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
    }

    /** Submits source from the editor and returns the submission's id. */
    public static long submit(WebClient c, int port, String lab, String source) {
        HttpResponse<String> r = postJson(c, port, "/labs/" + lab + "/submissions", Map.of("source", source));
        if (r.statusCode() != 202) {
            throw new AssertionError("submission answered " + r.statusCode() + ": " + r.body());
        }
        return json(r.body()).get("id").asLong();
    }

    /** Polls the submission until it is graded (or two minutes pass) and returns its last state. */
    public static JsonNode awaitGraded(WebClient c, long id) {
        long end = System.nanoTime() + 120_000_000_000L;
        JsonNode s;
        do {
            HttpResponse<String> r = c.getJson("/api/submissions/" + id);
            if (r.statusCode() != 200) {
                throw new AssertionError("status answered " + r.statusCode() + ": " + r.body());
            }
            s = json(r.body());
            if (s.get("finished").asBoolean()) {
                return s;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        } while (System.nanoTime() < end);
        throw new AssertionError("submission " + id + " was not graded in two minutes: " + s);
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
