package org.m2mkit.web.quizzes;

import org.m2mkit.web.accounts.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.m2mkit.web.accounts.Account;

/** The instructor's quiz list and quiz builder: settings, fixed questions and random draws by tag, preview, publish. */
final class BuilderPages {

    private final Quizzes quizzes;
    private final QuizRoutes.Web web;

    BuilderPages(Quizzes quizzes, QuizRoutes.Web web) {
        this.quizzes = quizzes;
        this.web = web;
    }

    void register(RoutesConfig routes) {
        routes.get("/quizzes/manage", ctx -> {
            web.instructor(ctx);
            web.render(ctx, "manage", Map.of("quizzes", quizzes.quizzes().all()));
        }, Access.INSTRUCTOR);
        routes.post("/quizzes/manage", ctx -> {
            web.instructor(ctx);
            String title = ctx.formParam("title") == null ? "" : ctx.formParam("title").strip();
            if (title.isEmpty()) {
                throw QuizError.bad("A quiz needs a title.");
            }
            long id = quizzes.quizzes().create(new Quiz.Settings(title, "", false, true, false, null, null, null, 0,
                    GradingMethod.HIGHEST, FeedbackTiming.AFTER_SUBMISSION), null);
            web.see(ctx, "/quizzes/" + id + "/edit");
        }, Access.INSTRUCTOR);
        routes.get("/quizzes/{id}/edit", this::edit, Access.INSTRUCTOR);
        routes.post("/quizzes/{id}/settings", this::settings, Access.INSTRUCTOR);
        routes.post("/quizzes/{id}/slots", this::addSlot, Access.INSTRUCTOR);
        routes.post("/quizzes/{id}/slots/{slot}/remove", ctx -> {
            web.instructor(ctx);
            quizzes.quizzes().removeSlot(QuizRoutes.id(ctx, "id"), QuizRoutes.id(ctx, "slot"));
            web.see(ctx, "/quizzes/" + ctx.pathParam("id") + "/edit");
        }, Access.INSTRUCTOR);
        routes.post("/quizzes/{id}/slots/{slot}/move", this::moveSlot, Access.INSTRUCTOR);
        routes.post("/quizzes/{id}/publish", ctx -> {
            web.instructor(ctx);
            Quiz quiz = quiz(ctx);
            boolean publish = !"false".equals(ctx.formParam("published"));
            if (publish && quiz.slots().isEmpty()) {
                throw QuizError.conflict("Add at least one question or random draw before publishing.");
            }
            quizzes.quizzes().publish(quiz.id(), publish);
            web.see(ctx, "/quizzes/" + quiz.id() + "/edit");
        }, Access.INSTRUCTOR);
        routes.post("/quizzes/{id}/preview", ctx -> {
            Account who = web.instructor(ctx);
            Attempt a = quizzes.attempts().start(quiz(ctx).id(), who, true);
            web.see(ctx, "/quizzes/attempts/" + a.id());
        }, Access.INSTRUCTOR);
    }

    private Quiz quiz(Context ctx) {
        long id = QuizRoutes.id(ctx, "id");
        return quizzes.quizzes().find(id).orElseThrow(() -> QuizError.notFound("quiz " + id));
    }

    private void edit(Context ctx) {
        web.instructor(ctx);
        Quiz quiz = quiz(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("quiz", quiz);
        Map<Long, String> names = names(quiz);
        model.put("names", names);
        Long moved = movedSlot(ctx.queryParam("moved"));
        quiz.slots().stream().filter(s -> moved != null && s.id() == moved).findFirst().ifPresent(s ->
                model.put("movedNotice", "Moved “" + names.get(s.id()) + "” to position " + s.position() + " of "
                        + quiz.slots().size() + "."));
        if ("settings".equals(ctx.queryParam("saved"))) {
            model.put("settingsNotice", "Settings saved.");
        }
        model.put("tags", quizzes.banks().tags());
        model.put("questions", quizzes.banks().search(null, null, null, null));
        model.put("gradingMethods", GradingMethod.values());
        model.put("feedbackTimings", FeedbackTiming.values());
        model.put("opens", local(quiz.opensAt()));
        model.put("closes", local(quiz.closesAt()));
        web.render(ctx, "builder", model);
    }

    /** What each slot is, as the builder lists it: a question's name, or the random draw. */
    private Map<Long, String> names(Quiz quiz) {
        Map<Long, String> names = new HashMap<>();
        for (Quiz.Slot s : quiz.slots()) {
            if (s.isDraw()) {
                names.put(s.id(), s.drawCount() + " random from tag " + s.tag());
            } else {
                quizzes.banks().question(s.questionId()).ifPresent(q -> names.put(s.id(), q.question().name().isEmpty()
                        ? Analytics.shorten(q.question().text()) : q.question().name()));
            }
        }
        return names;
    }

    private static Long movedSlot(String text) {
        try {
            return text == null ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Moves a slot up, down or to a position ({@code to} = up, down or 1..n); attempts already started keep theirs. */
    private void moveSlot(Context ctx) {
        web.instructor(ctx);
        Quiz quiz = quiz(ctx);
        long slotId = QuizRoutes.id(ctx, "slot");
        int n = quiz.slots().size();
        int current = 0;
        while (current < n && quiz.slots().get(current).id() != slotId) {
            current++;
        }
        if (current == n) {
            throw QuizError.notFound("slot " + slotId + " in this quiz");
        }
        String to = value(ctx, "to");
        int target = switch (to) {
            case "up" -> current;
            case "down" -> current + 2;
            default -> {
                Integer p = optionalInt(to, "position", 1, n);
                if (p == null) {
                    throw QuizError.bad("Give the position to move to, a whole number from 1 to " + n + ".");
                }
                yield p;
            }
        };
        quizzes.quizzes().moveSlot(quiz.id(), slotId, target);
        int now = Math.max(1, Math.min(n, target));
        // The page opens at the control that moved the slot, and the browser focuses it (a fragment that names a
        // focusable element does), so the next key press moves the same slot again; a disabled button cannot
        // take the focus, so the other one does.
        String control = to.equals("up") ? (now > 1 ? "up" : n > 1 ? "down" : "to")
                : to.equals("down") ? (now < n ? "down" : n > 1 ? "up" : "to") : "to";
        web.see(ctx, "/quizzes/" + quiz.id() + "/edit?moved=" + slotId + "#slot-" + slotId + "-" + control);
    }

    private void settings(Context ctx) {
        web.instructor(ctx);
        Quiz quiz = quiz(ctx);
        String title = ctx.formParam("title") == null ? "" : ctx.formParam("title").strip();
        if (title.isEmpty()) {
            throw QuizError.bad("A quiz needs a title.");
        }
        Integer limit = optionalInt(ctx.formParam("timeLimit"), "time limit", 1, 24 * 60);
        Integer attempts = optionalInt(ctx.formParam("attemptsAllowed"), "attempts allowed", 0, 1000);
        Instant opens = instant(ctx.formParam("opensAt"), "opens");
        Instant closes = instant(ctx.formParam("closesAt"), "closes");
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            throw QuizError.bad("The quiz must close after it opens.");
        }
        quizzes.quizzes().update(quiz.id(), new Quiz.Settings(title, value(ctx, "intro"),
                ctx.formParam("shuffleQuestions") != null, ctx.formParam("shuffleAnswers") != null,
                "paged".equals(ctx.formParam("layout")), limit, opens, closes, attempts == null ? 0 : attempts,
                enumValue(GradingMethod.class, ctx.formParam("gradingMethod"), "grading method"),
                enumValue(FeedbackTiming.class, ctx.formParam("feedbackTiming"), "feedback timing")));
        web.see(ctx, "/quizzes/" + quiz.id() + "/edit?saved=settings#settings-heading");
    }

    private void addSlot(Context ctx) {
        web.instructor(ctx);
        Quiz quiz = quiz(ctx);
        Integer markValue = optionalInt(ctx.formParam("mark"), "mark", 1, 100);
        double mark = markValue == null ? 1 : markValue;
        String tag = BankPages.blankToNull(ctx.formParam("tag"));
        String question = BankPages.blankToNull(ctx.formParam("question"));
        if (tag != null) {
            Integer count = optionalInt(ctx.formParam("count"), "number of questions to draw", 1, 100);
            int n = count == null ? 1 : count;
            int available = quizzes.banks().questionIdsWithTag(tag).size();
            if (available == 0) {
                throw QuizError.bad("No question carries the tag '" + tag + "'.");
            }
            quizzes.quizzes().addDraw(quiz.id(), tag, Math.min(n, available), mark);
        } else if (question != null) {
            long qid;
            try {
                qid = Long.parseLong(question);
            } catch (NumberFormatException e) {
                throw QuizError.bad("Choose a question from the list.");
            }
            quizzes.banks().question(qid).orElseThrow(() -> QuizError.notFound("question " + qid));
            quizzes.quizzes().addQuestion(quiz.id(), qid, mark);
        } else {
            throw QuizError.bad("Choose a tag to draw from or a question to add.");
        }
        web.see(ctx, "/quizzes/" + quiz.id() + "/edit");
    }

    private static String value(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v.strip();
    }

    static Integer optionalInt(String text, String what, int min, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int v = Integer.parseInt(text.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw QuizError.bad("The " + what + " '" + text + "' is not accepted; give a whole number from " + min
                + " to " + max + ", or leave it empty.");
    }

    private static Instant instant(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            throw QuizError.bad("The " + what + " time '" + text + "' is not a date and time like 2026-03-01T09:00.");
        }
    }

    private static String local(Instant t) {
        return t == null ? "" : LocalDateTime.ofInstant(t, ZoneId.systemDefault()).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String what) {
        try {
            return Enum.valueOf(type, text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw QuizError.bad("Unknown " + what + " '" + text + "'.");
        }
    }
}
