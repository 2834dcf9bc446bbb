package org.m2mkit.web.labs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The console's event stream as a test reads it: named events with JSON data, in order, batches taken apart. */
final class SseStream implements AutoCloseable {

    record Event(String name, JsonNode data) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final java.util.List<Event> seen = new java.util.ArrayList<>();
    private final Thread reader;
    private volatile Stream<String> lines;

    SseStream(int port, String sessionCookie) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/labs/live/events"))
                .header("Accept", "text/event-stream").header("Cookie", "m2mkit_session=" + sessionCookie).build();
        reader = new Thread(() -> {
            try {
                HttpResponse<Stream<String>> r = HttpClient.newHttpClient().send(request,
                        HttpResponse.BodyHandlers.ofLines());
                lines = r.body();
                String[] name = {"message"};
                StringBuilder data = new StringBuilder();
                lines.forEach(line -> {
                    if (line.startsWith("event:")) {
                        name[0] = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    } else if (line.isEmpty() && data.length() > 0) {
                        try {
                            JsonNode parsed = JSON.readTree(data.toString());
                            if (name[0].equals("batch")) {
                                // a batch of updates: each one as the event it stands for
                                parsed.forEach(item -> events.add(new Event(item.get(0).asText(), item.get(1))));
                            } else {
                                events.add(new Event(name[0], parsed));
                            }
                        } catch (IOException e) {
                            throw new IllegalStateException("event data is not JSON: " + data, e);
                        }
                        data.setLength(0);
                        name[0] = "message";
                    }
                });
            } catch (IOException | RuntimeException e) {
                events.add(new Event("closed", JSON.createObjectNode().put("error", String.valueOf(e))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            events.add(new Event("closed", JSON.createObjectNode()));
        }, "test-sse");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * The first event so far named {@code name} that matches (events are kept, so one that came while the test
     * waited for another is found too); waits for more up to {@code timeout}.
     */
    Event next(String name, Predicate<JsonNode> matches, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            synchronized (seen) {
                for (Event e : seen) {
                    if (e.name().equals(name) && matches.test(e.data())) {
                        return e;
                    }
                }
                if (seen.stream().anyMatch(e -> e.name().equals("closed"))) {
                    throw new AssertionError("the stream closed before a '" + name + "' event");
                }
            }
            Event e = events.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("no '" + name + "' event within " + timeout);
            }
            synchronized (seen) {
                seen.add(e);
                events.drainTo(seen);
            }
        }
    }

    @Override
    public void close() {
        Stream<String> l = lines;
        if (l != null) {
            l.close();
        }
        reader.interrupt();
    }
}
