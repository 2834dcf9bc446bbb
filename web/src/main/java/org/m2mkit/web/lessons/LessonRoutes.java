package org.m2mkit.web.lessons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.m2mkit.content.Chapter;
import org.m2mkit.content.Handout;
import org.m2mkit.content.Lesson;
import org.m2mkit.content.MarkdownRenderer;
import org.m2mkit.content.Objective;
import org.m2mkit.web.accounts.Access;
import org.m2mkit.content.questions.Body;
import org.m2mkit.web.accounts.Account;
import org.m2mkit.web.accounts.Auth;
import org.m2mkit.web.accounts.Role;
import org.m2mkit.web.app.Pages;

/**
 * The course: home with the objectives and each student's progress, section pages and handouts rendered from
 * {@code content/}, glossary, references, search, and the knowledge checks' JSON API.
 */
public final class LessonRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Chapter chapter;
    private final Pages pages;
    private final ProgressStore progress;
    private final Map<String, String> numbers;
    /** Built on first use (or by the warm-up): splitting the whole chapter takes a noticeable part of a start. */
    private volatile ChapterSearch search;
    /** Rendered on first use and kept: a section page's HTML and its knowledge checks. */
    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();
    private final MarkdownRenderer markdown = new MarkdownRenderer();

    private record Rendered(String body, Checks checks) {}

    private LessonRoutes(Chapter chapter, Pages pages, ProgressStore progress) {
        this.chapter = chapter;
        this.pages = pages;
        this.progress = progress;
        this.numbers = LessonNumbers.of(chapter.lessons());
    }

    private ChapterSearch search() {
        ChapterSearch s = search;
        if (s == null) {
            synchronized (this) {
                if (search == null) {
                    search = new ChapterSearch(chapter);
                }
                s = search;
            }
        }
        return s;
    }

    /**
     * Registers the course's routes. Pages are rendered when first asked for; the returned task renders them all
     * ahead of time, for a caller to run once the kit is listening.
     */
    public static Runnable register(RoutesConfig routes, Chapter chapter, Pages pages, ProgressStore progress) {
        LessonRoutes r = new LessonRoutes(chapter, pages, progress);
        routes.get("/", r::home, Access.LESSONS);
        routes.get("/lessons/{id}", r::lesson, Access.LESSONS);
        routes.get("/handouts", r::handouts, Access.LESSONS);
        routes.get("/handouts/{id}", r::handout, Access.LESSONS);
        routes.get("/glossary", ctx -> ctx.html(r.page(ctx, "glossary", Map.of())), Access.LESSONS);
        routes.get("/references", ctx -> ctx.html(r.page(ctx, "references", Map.of())), Access.LESSONS);
        routes.get("/search", r::search, Access.LESSONS);
        routes.get("/api/pages/{kind}/{id}/checks", r::checkViews, Access.LESSONS);
        routes.post("/api/pages/{kind}/{id}/checks/{index}", r::answer, Access.LESSONS);
        return r::renderAll;
    }

    private void renderAll() {
        search();
        chapter.lessons().forEach(l -> rendered("lesson", l.id()));
        chapter.handouts().forEach(h -> rendered("handout", h.id()));
    }

    /** The page's HTML and checks, or null when there is no such lesson or handout. */
    private Rendered rendered(String kind, String id) {
        String source = switch (kind) {
            case "lesson" -> chapter.lesson(id).map(Lesson::markdown).orElse(null);
            case "handout" -> chapter.handout(id).map(Handout::markdown).orElse(null);
            default -> null;
        };
        if (source == null) {
            return null;
        }
        return rendered.computeIfAbsent(kind + ":" + id,
                k -> new Rendered(markdown.render(source), Checks.of(source, kind + " " + id)));
    }

    private String page(Context ctx, String template, Map<String, ?> model) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("chapter", chapter);
        all.put("numbers", numbers);
        return pages.page(ctx, template, all);
    }

    /** The signed-in student, if the visitor is one; progress is kept for students only. */
    private static Account student(Context ctx) {
        return Auth.current(ctx).filter(a -> a.role() == Role.STUDENT).orElse(null);
    }

    /** Per objective: how many of the checks in its sections the student answered right. */
    public record ObjectiveProgress(Objective objective, int right, int total, int percent) {}

    /** Per section: opened or not, checks right of total. */
    public record SectionProgress(boolean visited, int right, int total) {}

    private void home(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        Account student = student(ctx);
        if (student != null) {
            ProgressStore.Progress p = progress.of(student.id());
            Map<String, SectionProgress> sections = new LinkedHashMap<>();
            for (Lesson l : chapter.lessons()) {
                Checks c = rendered("lesson", l.id()).checks();
                sections.put(l.id(), new SectionProgress(p.visited().contains(l.id()), Math.min(p.right(l.id()),
                        c.answerable()), c.answerable()));
            }
            List<ObjectiveProgress> objectives = new ArrayList<>();
            for (Objective o : chapter.objectives()) {
                int right = 0;
                int total = 0;
                for (Lesson l : chapter.lessons()) {
                    if (l.objectives().contains(o.id())) {
                        right += sections.get(l.id()).right();
                        total += sections.get(l.id()).total();
                    }
                }
                objectives.add(new ObjectiveProgress(o, right, total, total == 0 ? 0 : Math.round(100f * right / total)));
            }
            model.put("sectionProgress", sections);
            model.put("objectiveProgress", objectives);
        }
        ctx.html(page(ctx, "home", model));
    }

    private void lesson(Context ctx) {
        Lesson lesson = chapter.lesson(ctx.pathParam("id"))
                .orElseThrow(() -> new NotFoundResponse("There is no section '" + ctx.pathParam("id") + "'."));
        Account student = student(ctx);
        if (student != null) {
            progress.visited(student.id(), lesson.id());
        }
        Map<String, Object> model = new HashMap<>();
        model.put("lesson", lesson);
        model.put("body", rendered("lesson", lesson.id()).body());
        model.put("previous", chapter.previous(lesson).orElse(null));
        model.put("next", chapter.next(lesson).orElse(null));
        model.put("checksApi", "/api/pages/lesson/" + lesson.id() + "/checks");
        ctx.html(page(ctx, "lesson", model));
    }

    private void handouts(Context ctx) {
        ctx.html(page(ctx, "handouts", Map.of()));
    }

    private void handout(Context ctx) {
        Handout handout = chapter.handout(ctx.pathParam("id"))
                .orElseThrow(() -> new NotFoundResponse("There is no handout '" + ctx.pathParam("id") + "'."));
        ctx.html(page(ctx, "handout", Map.of("handout", handout, "body", rendered("handout", handout.id()).body(),
                "checksApi", "/api/pages/handout/" + handout.id() + "/checks")));
    }

    private void search(Context ctx) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").trim();
        if (q.length() > 200) {
            q = q.substring(0, 200);
        }
        ctx.html(page(ctx, "search", Map.of("q", q, "hits", search().search(q, 30))));
    }

    private Checks checksOf(Context ctx) {
        String kind = ctx.pathParam("kind");
        Rendered r = rendered(kind, ctx.pathParam("id"));
        if (r == null) {
            throw new NotFoundResponse("There is no " + kind + " '" + ctx.pathParam("id") + "' with knowledge checks.");
        }
        return r.checks();
    }

    /**
     * The page's checks without their answer keys; for a signed-in student on a section, each check they answered
     * carries their last answer and its grade, so that a revisited page shows what the progress bar counts.
     */
    private void checkViews(Context ctx) {
        Checks checks = checksOf(ctx);
        Account student = student(ctx);
        Map<Integer, String> answers = student != null && ctx.pathParam("kind").equals("lesson")
                ? progress.lastAnswers(student.id(), ctx.pathParam("id")) : Map.of();
        List<Map<String, Object>> views = new ArrayList<>();
        for (Checks.View view : checks.views()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = JSON.convertValue(view, LinkedHashMap.class);
            String stored = answers.get(view.index());
            if (stored != null) {
                try {
                    List<String> values = new ArrayList<>();
                    JSON.readTree(stored).forEach(n -> values.add(n.asText()));
                    Map<String, Object> answer = result(checks.grade(view.index(), values));
                    answer.put("values", values);
                    m.put("answer", answer);
                } catch (Exception e) {
                    // an answer that no longer reads is not shown; the student answers again
                }
            }
            views.add(m);
        }
        ctx.header("Cache-Control", "no-store");
        ctx.json(views);
    }

    private static Map<String, Object> result(Checks.Result result) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("fraction", result.fraction());
        answer.put("correct", result.correct());
        answer.put("feedback", result.feedback());
        answer.put("generalFeedback", result.generalFeedback());
        return answer;
    }

    /** Body: {@code {"values": ["1"]}}; answers: the grade and the author's feedback. */
    private void answer(Context ctx) throws Exception {
        Checks c = checksOf(ctx);
        int index;
        try {
            index = Integer.parseInt(ctx.pathParam("index"));
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("The check number must be a whole number, for example 0.");
        }
        List<String> values = new ArrayList<>();
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (Exception e) {
            throw new BadRequestResponse("Send the answer as JSON: {\"values\": [\"...\"]}.");
        }
        JsonNode v = body == null ? null : body.get("values");
        if (v == null || !v.isArray() || v.size() > 50) {
            throw new BadRequestResponse("Send the answer as JSON: {\"values\": [\"...\"]} with at most 50 values.");
        }
        v.forEach(n -> values.add(n.asText().length() > 2000 ? n.asText().substring(0, 2000) : n.asText()));
        if (c.numeric(index) && values.stream().anyMatch(x -> !x.isBlank() && Body.Numeric.parseNumber(x) == null)) {
            throw new BadRequestResponse("That is not a number, so it was not checked or saved. Type a number such as "
                    + "42, -0.5, 1,5 or 3e8.");
        }
        Checks.Result result = c.grade(index, values);
        if (result == null) {
            throw new NotFoundResponse("This page has no knowledge check number " + index + ".");
        }
        Account student = student(ctx);
        if (student != null && ctx.pathParam("kind").equals("lesson")) {
            progress.answered(student.id(), ctx.pathParam("id"), index, result.fraction(),
                    JSON.writeValueAsString(values));
        }
        Map<String, Object> answer = result(result);
        answer.put("recorded", student != null);
        ctx.json(answer);
    }
}
