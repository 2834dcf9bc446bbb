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
import org.m2mkit.content.Chapter;
import org.m2mkit.content.Handout;
import org.m2mkit.content.Lesson;
import org.m2mkit.content.MarkdownRenderer;
import org.m2mkit.content.Objective;
import org.m2mkit.web.accounts.Access;
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
    private final ChapterSearch search;
    private final Map<String, String> bodies = new HashMap<>();
    private final Map<String, Checks> checks = new HashMap<>();

    private LessonRoutes(Chapter chapter, Pages pages, ProgressStore progress) {
        this.chapter = chapter;
        this.pages = pages;
        this.progress = progress;
        this.search = new ChapterSearch(chapter);
        MarkdownRenderer markdown = new MarkdownRenderer();
        for (Lesson lesson : chapter.lessons()) {
            bodies.put("lesson:" + lesson.id(), markdown.render(lesson.markdown()));
            checks.put("lesson:" + lesson.id(), Checks.of(lesson.markdown(), "lesson " + lesson.id()));
        }
        for (Handout handout : chapter.handouts()) {
            bodies.put("handout:" + handout.id(), markdown.render(handout.markdown()));
            checks.put("handout:" + handout.id(), Checks.of(handout.markdown(), "handout " + handout.id()));
        }
    }

    public static void register(RoutesConfig routes, Chapter chapter, Pages pages, ProgressStore progress) {
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
    }

    private String page(Context ctx, String template, Map<String, ?> model) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("chapter", chapter);
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
                Checks c = checks.get("lesson:" + l.id());
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
        model.put("body", bodies.get("lesson:" + lesson.id()));
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
        ctx.html(page(ctx, "handout", Map.of("handout", handout, "body", bodies.get("handout:" + handout.id()),
                "checksApi", "/api/pages/handout/" + handout.id() + "/checks")));
    }

    private void search(Context ctx) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").trim();
        if (q.length() > 200) {
            q = q.substring(0, 200);
        }
        ctx.html(page(ctx, "search", Map.of("q", q, "hits", search.search(q, 30))));
    }

    private Checks checksOf(Context ctx) {
        String kind = ctx.pathParam("kind");
        Checks c = kind.equals("lesson") || kind.equals("handout") ? checks.get(kind + ":" + ctx.pathParam("id")) : null;
        if (c == null) {
            throw new NotFoundResponse("There is no " + kind + " '" + ctx.pathParam("id") + "' with knowledge checks.");
        }
        return c;
    }

    private void checkViews(Context ctx) {
        ctx.json(checksOf(ctx).views());
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
        Checks.Result result = c.grade(index, values);
        if (result == null) {
            throw new NotFoundResponse("This page has no knowledge check number " + index + ".");
        }
        Account student = student(ctx);
        if (student != null && ctx.pathParam("kind").equals("lesson")) {
            progress.answered(student.id(), ctx.pathParam("id"), index, result.fraction());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("fraction", result.fraction());
        answer.put("correct", result.correct());
        answer.put("feedback", result.feedback());
        answer.put("generalFeedback", result.generalFeedback());
        answer.put("recorded", student != null);
        ctx.json(answer);
    }
}
