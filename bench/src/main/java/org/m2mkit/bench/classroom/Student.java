package org.m2mkit.bench.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.m2mkit.bench.classroom.Tally.Measure;
import org.m2mkit.labs.run.Milestone;

/**
 * One student of the lab hour, on a thread of its own with its own {@link Browser}: signs in, then reads lessons,
 * runs notebook cells, runs the live lab in paced mode and watches its events, submits a gateway and waits for the
 * grade, and takes a quiz, with think times between steps. The first round does each once, in that order; after it
 * the student picks what to do next at random until the hour is over. Everything goes through the kit's HTTP
 * interface, as the browser's pages and scripts do.
 */
final class Student implements Runnable {

    /** What this student submits first to the gateway lab; later submissions are the correct one. */
    enum Gateway { CORRECT, WRONG, HANGING }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HTML = "text/html";
    private static final String JSON_TYPE = "application/json";
    private static final Pattern QUIZ_LINK = Pattern.compile("href=\"/quizzes/(\\d+)\"");
    private static final Pattern ATTEMPT = Pattern.compile("/quizzes/attempts/(\\d+)");
    private static final Pattern SECTION = Pattern.compile(
            "<section[^>]*\\bid=\"(q\\d+)\"[^>]*data-position=\"(\\d+)\"[^>]*data-input=\"([a-z]+)\"");
    private static final Pattern VALUE = Pattern.compile("<input[^>]*type=\"(?:radio|checkbox)\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern SELECT = Pattern.compile("<select[^>]*>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("<option[^>]*value=\"([^\"]+)\"");
    /** How long a live run's cycle may take before the student gives up on it. */
    private static final long CYCLE_TIMEOUT_MS = 15_000;
    /** How long a student keeps the console open waiting in the live lab's queue. */
    private static final long QUEUE_TIMEOUT_MS = 20 * 60_000;
    /** How long a student waits for a grade before counting it as not finished. */
    private static final long GRADE_TIMEOUT_MS = 180_000;

    private final Classroom room;
    private final String username;
    private final String password;
    private final Gateway firstGateway;
    private final long startDelayMs;
    private final Random random;
    private final Browser browser;
    private final Map<String, String> notebooks = new HashMap<>();
    private int submissions;

    Student(Classroom room, String username, String password, Gateway firstGateway, long startDelayMs, long seed) {
        this.room = room;
        this.username = username;
        this.password = password;
        this.firstGateway = firstGateway;
        this.startDelayMs = startDelayMs;
        this.random = new Random(seed);
        this.browser = new Browser(room.base());
    }

    @Override
    public void run() {
        try {
            Thread.sleep(startDelayMs);
            if (!signIn()) {
                return;
            }
            List<Step> firstRound = List.of(this::lesson, this::cells, this::live, this::gateway, this::quiz);
            for (Step s : firstRound) {
                if (room.over()) {
                    return;
                }
                attempt(s);
                think(1);
            }
            while (!room.over()) {
                int pick = random.nextInt(100);
                attempt(pick < 35 ? this::lesson : pick < 65 ? this::cells : pick < 75 ? this::live
                        : pick < 85 ? this::gateway : this::quiz);
                think(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Step {
        void run() throws IOException, InterruptedException;
    }

    /** Runs one activity; a broken connection or an unreadable answer is an error, never the end of the student. */
    private void attempt(Step step) throws InterruptedException {
        try {
            step.run();
        } catch (IOException | RuntimeException e) {
            room.tally().error("exception: " + e.getClass().getSimpleName() + " " + firstLine(e.getMessage()));
        }
    }

    /** Think time: uniformly 0.5 to 1.5 times the class's mean, times {@code factor}. */
    private void think(double factor) throws InterruptedException {
        long mean = room.thinkMs();
        Thread.sleep((long) (factor * (mean / 2 + random.nextInt((int) Math.max(1, mean)))));
    }

    /** Whether an answer is fine; anything else not expected by the caller counts as an error page. */
    private boolean judge(Browser.Answer a, String what) {
        if (a.ok()) {
            return true;
        }
        if (a.status() == 429) {
            room.tally().refusal("429 " + what);
        } else {
            room.tally().error(a.status() + " " + what);
        }
        return false;
    }

    // -- signing in --------------------------------------------------------------------------------------------

    /**
     * Signs in as a student does: again after the wait the kit asks for when it refuses (the kit allows 30 sign-ins
     * per address and then one every 12 s, and a class shares one address), until the hour is over.
     */
    private boolean signIn() throws InterruptedException {
        long arrived = System.nanoTime();
        while (!room.over()) {
            try {
                if (judge(browser.get("/sign-in", HTML), "GET /sign-in")) {
                    Browser.Answer a = browser.postForm("/sign-in", Map.of("username", username,
                            "password", password, "next", "/"), HTML);
                    if (a.status() == 303) {
                        room.tally().record(Measure.SIGN_IN, (System.nanoTime() - arrived) / 1000);
                        return true;
                    }
                    judge(a, "POST /sign-in");
                    if (a.status() == 429) {
                        Thread.sleep(1000L * retryAfter(a, 10));
                        continue;
                    }
                }
            } catch (IOException e) {
                room.tally().error("exception: sign-in " + e.getClass().getSimpleName());
            }
            think(1);
        }
        room.tally().count("students who could not sign in before the end");
        return false;
    }

    // -- lessons -----------------------------------------------------------------------------------------------

    private void lesson() throws IOException {
        String id = room.lessonIds().get(random.nextInt(room.lessonIds().size()));
        Browser.Answer a = browser.get("/lessons/" + id, HTML);
        if (judge(a, "GET /lessons/{id}")) {
            room.tally().record(Measure.LESSON, a.micros());
        }
    }

    // -- notebook cells ----------------------------------------------------------------------------------------

    private void cells() throws IOException, InterruptedException {
        List<String> withCells = room.notebookLessons();
        String lesson = withCells.get(random.nextInt(withCells.size()));
        List<String> cells = room.cells(lesson);
        for (String code : cells) {
            String session = notebook(lesson);
            if (session == null) {
                return;
            }
            Browser.Answer a = browser.postJson("/api/jshell/sessions/" + session + "/eval",
                    JSON.writeValueAsString(Map.of("code", code)));
            if (a.status() == 410 || a.status() == 404) {
                notebooks.remove(lesson); // closed (idle, or more notebooks open than a student may keep): reopen
                room.tally().refusal(a.status() + " notebook session ended, reopened");
                continue;
            }
            if (judge(a, "POST /api/jshell/sessions/{id}/eval")) {
                room.tally().record(Measure.CELL, a.micros());
            } else if (a.status() == 429) {
                return;
            }
            think(0.5);
        }
    }

    /** The open notebook session of a lesson, opened on first use. */
    private String notebook(String lesson) throws IOException {
        String id = notebooks.get(lesson);
        if (id != null) {
            return id;
        }
        Browser.Answer a = browser.postJson("/api/jshell/sessions", JSON.writeValueAsString(Map.of("lesson", lesson)));
        if (!judge(a, "POST /api/jshell/sessions")) {
            return null;
        }
        id = JSON.readTree(a.body()).path("id").asText();
        // at most four notebooks per student: forget the oldest-opened one as the kit closes it
        if (notebooks.size() >= 4) {
            notebooks.clear();
        }
        notebooks.put(lesson, id);
        return id;
    }

    // -- the live lab ------------------------------------------------------------------------------------------

    private void live() throws IOException, InterruptedException {
        judge(browser.get("/labs/live", HTML), "GET /labs/live");
        Browser.Answer started = browser.postForm("/labs/live/run", Map.of("meters", "50", "mode", "paced",
                "network", "ethernet", "gateway", "reference"), JSON_TYPE);
        if (!judge(started, "POST /labs/live/run")) {
            return;
        }
        JsonNode answer = JSON.readTree(started.body());
        boolean queued = answer.path("queued").isObject();
        if (queued) {
            room.tally().count("live starts queued (every slot in use)");
        }
        Events events = new Events(browser.open("/labs/live/events", "text/event-stream"));
        try {
            // a queued start's console gets its 'run' event when a slot frees and the run starts by itself
            Event runEvent = events.next(queued ? QUEUE_TIMEOUT_MS : 10_000, "run");
            if (runEvent == null) {
                room.tally().error(queued ? "live run: not started from the queue within " + QUEUE_TIMEOUT_MS / 60_000
                        + " min" : "live run: no 'run' event within 10 s");
                return;
            }
            if (queued) {
                room.tally().count("live runs started from the queue");
            }
            List<String> meters = new ArrayList<>();
            JsonNode run = JSON.readTree(runEvent.data);
            run.path("meterIds").forEach(m -> meters.add(m.asText()));
            int units = Math.max(1, run.path("hvacUnits").size());
            think(0.5); // the console is open; the student looks at it, then injects the spike
            long spikeNanos = System.nanoTime();
            Map<String, String> form = meters.isEmpty() ? Map.of()
                    : Map.of("meter", meters.get(random.nextInt(meters.size())));
            if (!judge(browser.postForm("/labs/live/spike", form, JSON_TYPE), "POST /labs/live/spike")) {
                return;
            }
            watchCycle(events, spikeNanos, units);
            think(0.5);
        } finally {
            events.close();
            judge(browser.postForm("/labs/live/stop", Map.of(), JSON_TYPE), "POST /labs/live/stop");
        }
    }

    /**
     * Follows the cycle the spike started, step by step, until every HVAC unit of the area has confirmed (or a
     * second has passed since the first confirmation: the demand response may not need every unit), or the time-out.
     */
    private void watchCycle(Events events, long spikeNanos, int units) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + CYCLE_TIMEOUT_MS;
        int cycle = -1;
        int confirmed = 0;
        while (confirmed < units) {
            Event e = events.next(deadline - System.currentTimeMillis(), "entry");
            if (e == null && confirmed > 0) {
                break; // the demand response did not need every unit
            }
            if (e == null) {
                room.tally().count("live cycles not complete within " + CYCLE_TIMEOUT_MS / 1000 + " s");
                return;
            }
            if (e.arrivedNanos < spikeNanos) {
                continue; // the replay of what happened before the spike
            }
            JsonNode entry = JSON.readTree(e.data);
            if (!"MILESTONE".equals(entry.path("kind").asText())) {
                continue;
            }
            Milestone m = Milestone.valueOf(entry.path("milestone").asText());
            if (m == Milestone.SPIKE && cycle < 0) {
                cycle = entry.path("cycle").asInt();
            }
            if (entry.path("cycle").asInt() != cycle || m == Milestone.SPIKE) {
                continue;
            }
            long cycleMs = entry.path("cycleMs").asLong(-1);
            if (cycleMs < 0) {
                room.tally().count("live steps without a time");
                continue;
            }
            room.tally().step(Measure.STEP_KIT, cycleMs - m.figureMs());
            room.tally().step(Measure.STEP_CONSOLE, (e.arrivedNanos - spikeNanos) / 1_000_000 - m.figureMs());
            if (m == Milestone.CONFIRMATION && confirmed++ == 0) {
                deadline = Math.min(deadline, System.currentTimeMillis() + 1000); // the other units' confirmations
            }
        }
        room.tally().count("live cycles complete");
    }

    private record Event(String name, String data, long arrivedNanos) {}

    /** The run's Server-Sent Events, read on a thread of their own (as the browser does) into a queue. */
    private final class Events implements AutoCloseable {
        private final HttpURLConnection connection;
        private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
        private final Thread reader;

        Events(HttpURLConnection connection) {
            this.connection = connection;
            reader = new Thread(this::read, username + "-events");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try {
                int status = connection.getResponseCode();
                if (status != 200) {
                    judge(new Browser.Answer(status, "", null, null, 0), "GET /labs/live/events");
                    return;
                }
                try (BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String name = "message";
                    StringBuilder data = new StringBuilder();
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        if (line.isEmpty()) {
                            if (data.length() > 0 && name.equals("batch")) {
                                // a batch of the console's updates: each one as the event it stands for
                                long at = System.nanoTime();
                                for (JsonNode item : JSON.readTree(data.toString())) {
                                    queue.add(new Event(item.get(0).asText(), item.get(1).toString(), at));
                                }
                            } else if (data.length() > 0) {
                                queue.add(new Event(name, data.toString(), System.nanoTime()));
                            }
                            name = "message";
                            data.setLength(0);
                        } else if (line.startsWith("event:")) {
                            name = line.substring(6).strip();
                        } else if (line.startsWith("data:")) {
                            data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).strip());
                        }
                    }
                }
            } catch (IOException e) {
                // closed by the student, or the kit ended the stream
            }
        }

        /** The next event called {@code name}, or null after {@code timeoutMs}; other events are skipped. */
        Event next(long timeoutMs, String name) throws InterruptedException {
            long until = System.currentTimeMillis() + timeoutMs;
            for (long left = timeoutMs; left > 0; left = until - System.currentTimeMillis()) {
                Event e = queue.poll(left, TimeUnit.MILLISECONDS);
                if (e != null && e.name.equals(name)) {
                    return e;
                }
                if (e != null && e.name.equals("end")) {
                    return null;
                }
            }
            return null;
        }

        @Override
        public void close() {
            connection.disconnect();
            reader.interrupt();
        }
    }

    // -- the gateway lab ---------------------------------------------------------------------------------------

    private void gateway() throws IOException, InterruptedException {
        judge(browser.get("/labs/gateway", HTML), "GET /labs/gateway");
        think(0.5);
        Gateway kind = submissions == 0 ? firstGateway : Gateway.CORRECT;
        long start = System.nanoTime();
        Browser.Answer a = browser.postForm("/labs/gateway/submissions", Map.of("source", room.source(kind)),
                JSON_TYPE);
        if (a.status() == 429) {
            room.tally().refusal("429 gateway submission: rate limit");
            return;
        }
        if (a.status() == 400 && (a.body().contains("still waiting") || a.body().contains("queue is full"))) {
            room.tally().refusal("400 gateway submission: grader queue");
            return;
        }
        if (!judge(a, "POST /labs/gateway/submissions")) {
            return;
        }
        submissions++;
        String status = JSON.readTree(a.body()).path("status").asText();
        long until = System.currentTimeMillis() + GRADE_TIMEOUT_MS;
        while (System.currentTimeMillis() < until) {
            Thread.sleep(250); // the submission page's script polls about this often
            Browser.Answer poll = browser.get(status, JSON_TYPE);
            if (!judge(poll, "GET /api/submissions/{id}")) {
                continue;
            }
            JsonNode s = JSON.readTree(poll.body());
            if (s.path("finished").asBoolean()) {
                long micros = (System.nanoTime() - start) / 1000;
                room.tally().record(kind == Gateway.CORRECT ? Measure.GRADE_CORRECT
                        : kind == Gateway.WRONG ? Measure.GRADE_WRONG : Measure.GRADE_HANGING, micros);
                verdict(kind, s);
                return;
            }
        }
        room.tally().count("gradings not finished within " + GRADE_TIMEOUT_MS / 1000 + " s");
    }

    /** Counts what the grader said, so that a correct gateway marked down under load shows in the report. */
    private void verdict(Gateway kind, JsonNode s) {
        double score = s.path("score").asDouble(-1);
        double max = s.path("maxScore").asDouble(100);
        String what = switch (kind) {
            case CORRECT -> score >= max - 1e-9 ? "correct gateway: full marks" : "correct gateway: marked down ("
                    + s.path("status").asText() + ")";
            case WRONG -> score < max - 1e-9 ? "wrong gateway: marked down" : "wrong gateway: full marks";
            case HANGING -> score <= 0 ? "hanging gateway: no marks" : "hanging gateway: some marks";
        };
        room.tally().count(what);
    }

    // -- quizzes -----------------------------------------------------------------------------------------------

    private void quiz() throws IOException, InterruptedException {
        Browser.Answer list = timedQuiz(browser.get("/quizzes", HTML), "GET /quizzes");
        if (list == null) {
            return;
        }
        List<String> ids = new ArrayList<>();
        Matcher m = QUIZ_LINK.matcher(list.body());
        while (m.find()) {
            ids.add(m.group(1));
        }
        if (ids.isEmpty()) {
            room.tally().count("quiz lists without a quiz");
            return;
        }
        String quiz = ids.get(random.nextInt(ids.size()));
        if (timedQuiz(browser.get("/quizzes/" + quiz, HTML), "GET /quizzes/{id}") == null) {
            return;
        }
        think(0.5);
        Browser.Answer started = timedQuiz(browser.postForm("/quizzes/" + quiz + "/attempts", Map.of(), HTML),
                "POST /quizzes/{id}/attempts");
        Matcher attempt = started == null || started.location() == null ? null : ATTEMPT.matcher(started.location());
        if (attempt == null || !attempt.find()) {
            return;
        }
        String base = "/quizzes/attempts/" + attempt.group(1);
        Browser.Answer page = timedQuiz(browser.get(base, HTML), "GET /quizzes/attempts/{id}");
        if (page == null) {
            return;
        }
        for (Map.Entry<String, List<String>> answer : answers(page.body()).entrySet()) {
            think(0.5);
            timedQuiz(browser.postJson(base + "/answers/" + answer.getKey(),
                    JSON.writeValueAsString(Map.of("values", answer.getValue()))), "POST /quizzes/attempts/{id}/answers/{pos}");
        }
        if (timedQuiz(browser.postForm(base + "/submit", Map.of(), HTML), "POST /quizzes/attempts/{id}/submit") != null) {
            timedQuiz(browser.get(base, HTML), "GET /quizzes/attempts/{id}");
            room.tally().count("quizzes submitted");
        }
    }

    private Browser.Answer timedQuiz(Browser.Answer a, String what) {
        if (!judge(a, what)) {
            return null;
        }
        room.tally().record(Measure.QUIZ, a.micros());
        return a;
    }

    /** An answer to every question of an attempt page, by position, as the page's script would save it. */
    static Map<String, List<String>> answers(String html) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        Matcher s = SECTION.matcher(html);
        List<int[]> bounds = new ArrayList<>();
        List<String[]> heads = new ArrayList<>();
        while (s.find()) {
            bounds.add(new int[] {s.start(), html.length()});
            heads.add(new String[] {s.group(2), s.group(3)});
        }
        for (int i = 0; i < bounds.size(); i++) {
            int end = i + 1 < bounds.size() ? bounds.get(i + 1)[0] : html.length();
            String part = html.substring(bounds.get(i)[0], end);
            String position = heads.get(i)[0];
            String input = heads.get(i)[1];
            List<String> values = new ArrayList<>();
            Matcher select = SELECT.matcher(part);
            while (select.find()) {
                Matcher option = OPTION.matcher(select.group(1));
                values.add(option.find() ? option.group(1) : "");
            }
            if (values.isEmpty()) {
                Matcher v = VALUE.matcher(part);
                if (v.find()) {
                    values.add(v.group(1));
                } else {
                    values.add(switch (input) {
                        case "number" -> "2";
                        case "code" -> "return 0;";
                        default -> "gateway";
                    });
                }
            }
            out.put(position, values);
        }
        return out;
    }

    private static long retryAfter(Browser.Answer a, long fallback) {
        try {
            return a.retryAfter() == null ? fallback : Math.min(120, Long.parseLong(a.retryAfter().strip()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
