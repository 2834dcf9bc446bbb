package org.m2mkit.web.quizzes;

import org.m2mkit.web.accounts.Access;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.m2mkit.web.accounts.Account;
import org.m2mkit.web.accounts.Role;

/** Students' side: the open quizzes, starting or resuming an attempt, answering with autosave, submitting, results. */
final class TakePages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Quizzes quizzes;
    private final QuizRoutes.Web web;

    TakePages(Quizzes quizzes, QuizRoutes.Web web) {
        this.quizzes = quizzes;
        this.web = web;
    }

    /** A question the finish page lists as unanswered: where it is in the attempt, and its number. */
    public record Unanswered(int position, int number) {}

    /** A quiz on the list with the viewer's own attempts and grade. */
    public record Row(Quiz quiz, List<Attempt> attempts, Double grade, boolean open) {}

    void register(RoutesConfig routes) {
        routes.get("/quizzes", this::list);
        routes.get("/quizzes/{id}", this::intro);
        routes.post("/quizzes/{id}/attempts", ctx -> {
            Account who = web.require(ctx);
            Attempt a = quizzes.attempts().start(QuizRoutes.id(ctx, "id"), who, false);
            web.see(ctx, "/quizzes/attempts/" + a.id());
        });
        routes.get("/quizzes/attempts/{id}", this::attempt);
        routes.post("/quizzes/attempts/{id}", this::form);
        routes.post("/quizzes/attempts/{id}/answers/{pos}", this::autosave);
        routes.get("/quizzes/attempts/{id}/finish", this::confirm);
        routes.post("/quizzes/attempts/{id}/submit", ctx -> {
            Account who = web.require(ctx);
            Attempt a = quizzes.attempts().submit(QuizRoutes.id(ctx, "id"), who);
            web.see(ctx, "/quizzes/attempts/" + a.id());
        });
        routes.post("/quizzes/attempts/{id}/items/{pos}/grade", ctx -> {
            web.instructor(ctx);
            long id = QuizRoutes.id(ctx, "id");
            double fraction;
            try {
                fraction = Double.parseDouble(ctx.formParam("percent") == null ? "" : ctx.formParam("percent")) / 100;
            } catch (NumberFormatException e) {
                throw QuizError.bad("A hand grade is a percentage from 0 to 100.");
            }
            quizzes.attempts().gradeByHand(id, (int) QuizRoutes.id(ctx, "pos"), fraction,
                    ctx.formParam("comment") == null ? "" : ctx.formParam("comment"));
            web.see(ctx, "/quizzes/attempts/" + id + "#q" + ctx.pathParam("pos"));
        }, Access.INSTRUCTOR);
    }

    private void list(Context ctx) {
        Account who = web.require(ctx);
        List<Row> rows = new ArrayList<>();
        Instant now = quizzes.attempts().now();
        for (Quiz q : quizzes.quizzes().all()) {
            if (!q.published()) {
                continue;
            }
            List<Attempt> mine = quizzes.attempts().attempts(q.id(), who.id()).stream().filter(a -> !a.preview()).toList();
            rows.add(new Row(q, mine, grade(q, mine), q.isOpen(now)));
        }
        web.render(ctx, "list", Map.of("rows", rows));
    }

    private Double grade(Quiz quiz, List<Attempt> attempts) {
        List<Attempt> visible = attempts.stream().filter(a -> quizzes.attempts().feedbackVisible(quiz, a)).toList();
        return quiz.gradingMethod().apply(visible.stream().map(Attempt::percent).toList());
    }

    private void intro(Context ctx) {
        Account who = web.require(ctx);
        long id = QuizRoutes.id(ctx, "id");
        Quiz quiz = quizzes.quizzes().find(id).filter(q -> q.published() || who.role() == Role.INSTRUCTOR)
                .orElseThrow(() -> QuizError.notFound("quiz " + id));
        List<Attempt> mine = quizzes.attempts().attempts(id, who.id()).stream().filter(a -> !a.preview()).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("quiz", quiz);
        model.put("attempts", mine);
        model.put("grade", grade(quiz, mine));
        model.put("open", quiz.isOpen(quizzes.attempts().now()));
        model.put("inProgress", mine.stream().anyMatch(a -> !a.submitted()));
        model.put("left", quiz.attemptsAllowed() == 0 ? -1 : Math.max(0, quiz.attemptsAllowed() - mine.size()));
        model.put("visible", mine.stream().filter(a -> quizzes.attempts().feedbackVisible(quiz, a)).map(Attempt::id).toList());
        web.render(ctx, "intro", model);
    }

    private void attempt(Context ctx) {
        Account who = web.require(ctx);
        Attempt a = quizzes.attempts().attempt(QuizRoutes.id(ctx, "id"), who);
        Quiz quiz = quizzes.quizzes().find(a.quizId()).orElseThrow();
        if (a.submitted() || a.accountId() != who.id()) {
            review(ctx, who, a, quiz);
            return;
        }
        int count = a.items().size();
        int page = quiz.paged() ? clamp(ctx.queryParam("page"), count) : 0;
        List<QuestionView> views = new ArrayList<>();
        for (Attempt.Item item : a.items()) {
            if (page == 0 || item.position() == page) {
                views.add(QuestionView.of(a, item, false));
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("quiz", quiz);
        model.put("attempt", a);
        model.put("questions", views);
        model.put("page", page);
        model.put("pages", count);
        model.put("canCheck", quiz.feedbackTiming() == FeedbackTiming.IMMEDIATE);
        model.put("remainingMs", a.deadline() == null ? -1
                : Math.max(0, Duration.between(quizzes.attempts().now(), a.deadline()).toMillis()));
        model.put("answered", a.items().stream().filter(i -> i.carriesMarks() && i.answered()).count());
        web.render(ctx, "attempt", model);
    }

    private void review(Context ctx, Account who, Attempt a, Quiz quiz) {
        boolean instructor = who.role() == Role.INSTRUCTOR;
        boolean visible = instructor || quizzes.attempts().feedbackVisible(quiz, a);
        Map<String, Object> model = new HashMap<>();
        model.put("quiz", quiz);
        model.put("attempt", a);
        model.put("visible", visible);
        model.put("grading", instructor);
        model.put("questions", a.items().stream().map(i -> QuestionView.of(a, i, visible)).toList());
        web.render(ctx, "review", model);
    }

    private static int clamp(String page, int count) {
        try {
            return Math.max(1, Math.min(count, Integer.parseInt(page)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The attempt form without script (or a page turn): saves every answer on the page, then goes where asked. */
    private void form(Context ctx) {
        Account who = web.require(ctx);
        long id = QuizRoutes.id(ctx, "id");
        Attempt a = quizzes.attempts().attempt(id, who);
        Map<Integer, List<String>> answers = answers(ctx.formParamMap(), ctx.formParams("positions"));
        String action = ctx.formParam("action") == null ? "save" : ctx.formParam("action");
        if (!a.submitted()) {
            for (Map.Entry<Integer, List<String>> e : answers.entrySet()) {
                Attempt.Item item = a.items().stream().filter(i -> i.position() == e.getKey()).findFirst().orElse(null);
                if (item != null && !item.checked()) {
                    quizzes.attempts().save(id, who, e.getKey(), e.getValue());
                }
            }
        }
        String base = "/quizzes/attempts/" + id;
        if (action.startsWith("check:")) {
            int pos = parsePosition(action.substring(6));
            quizzes.attempts().check(id, who, pos);
            String page = ctx.formParam("page");
            web.see(ctx, base + (page != null && !page.equals("0") ? "?page=" + page : "") + "#q" + pos);
        } else if (action.startsWith("page:")) {
            web.see(ctx, base + "?page=" + parsePosition(action.substring(5)));
        } else if (action.equals("finish")) {
            web.see(ctx, base + "/finish");
        } else if (action.equals("timeout")) {
            quizzes.attempts().submit(id, who);
            web.see(ctx, base);
        } else {
            web.see(ctx, base);
        }
    }

    private static int parsePosition(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw QuizError.bad("Unknown question '" + s + "'.");
        }
    }

    /**
     * The answers in a form, by question position: field {@code q3} holds question 3's value(s), fields
     * {@code q3.1}, {@code q3.2}... its drop-downs in order. Questions listed in {@code positions} with no field are
     * saved as unanswered.
     */
    static Map<Integer, List<String>> answers(Map<String, List<String>> form, List<String> positions) {
        Map<Integer, TreeMap<Integer, String>> parts = new TreeMap<>();
        Map<Integer, List<String>> out = new TreeMap<>();
        for (String p : positions) {
            try {
                out.put(Integer.parseInt(p), new ArrayList<>());
            } catch (NumberFormatException e) {
                // not a position: ignored
            }
        }
        for (Map.Entry<String, List<String>> e : form.entrySet()) {
            String key = e.getKey();
            if (!key.matches("q\\d+(\\.\\d+)?")) {
                continue;
            }
            String[] split = key.substring(1).split("\\.");
            int pos = Integer.parseInt(split[0]);
            if (split.length == 1) {
                out.put(pos, new ArrayList<>(e.getValue()));
            } else {
                parts.computeIfAbsent(pos, k -> new TreeMap<>()).put(Integer.parseInt(split[1]),
                        e.getValue().isEmpty() ? "" : e.getValue().get(0));
            }
        }
        parts.forEach((pos, values) -> out.put(pos, new ArrayList<>(values.values())));
        return out;
    }

    /** Autosave from the page's script: {@code {"values": [...]}}; answers when it was saved. */
    private void autosave(Context ctx) throws Exception {
        Account who = web.require(ctx);
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (Exception e) {
            throw QuizError.bad("The answer must be JSON like {\"values\": [\"...\"]}.");
        }
        if (body == null || !body.path("values").isArray()) {
            throw QuizError.bad("The answer must be JSON like {\"values\": [\"...\"]}.");
        }
        List<String> values = new ArrayList<>();
        body.path("values").forEach(v -> values.add(v.isNull() ? "" : v.asText()));
        Instant saved = quizzes.attempts().save(QuizRoutes.id(ctx, "id"), who, (int) QuizRoutes.id(ctx, "pos"), values);
        ctx.json(Map.of("position", Integer.parseInt(ctx.pathParam("pos")), "savedAt", saved.toString()));
    }

    private void confirm(Context ctx) {
        Account who = web.require(ctx);
        Attempt a = quizzes.attempts().attempt(QuizRoutes.id(ctx, "id"), who);
        if (a.submitted()) {
            web.see(ctx, "/quizzes/attempts/" + a.id());
            return;
        }
        Quiz quiz = quizzes.quizzes().find(a.quizId()).orElseThrow();
        web.render(ctx, "finish", Map.of("quiz", quiz, "attempt", a,
                "unanswered", a.items().stream().filter(i -> i.carriesMarks() && !i.answered())
                        .map(i -> new Unanswered(i.position(), a.questionNumber(i))).toList(),
                "remainingMs", a.deadline() == null ? -1
                        : Math.max(0, Duration.between(quizzes.attempts().now(), a.deadline()).toMillis())));
    }
}
