package org.m2mkit.web.lessons;

import io.javalin.config.RoutesConfig;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.Map;
import org.m2mkit.content.Chapter;
import org.m2mkit.content.Lesson;
import org.m2mkit.content.MarkdownRenderer;
import org.m2mkit.web.accounts.Access;
import org.m2mkit.web.app.Pages;

/** The course home and the lesson pages, rendered from the chapter in {@code content/}. */
public final class LessonRoutes {

    private LessonRoutes() {}

    public static void register(RoutesConfig routes, Chapter chapter, Pages pages) {
        MarkdownRenderer markdown = new MarkdownRenderer();
        Map<String, String> bodies = new HashMap<>();
        for (Lesson lesson : chapter.lessons()) {
            bodies.put(lesson.id(), markdown.render(lesson.markdown()));
        }
        routes.get("/", ctx -> ctx.html(pages.page(ctx, "home", Map.of("chapter", chapter))), Access.LESSONS);
        routes.get("/lessons/{id}", ctx -> {
            Lesson lesson = chapter.lesson(ctx.pathParam("id"))
                    .orElseThrow(() -> new NotFoundResponse("There is no lesson '" + ctx.pathParam("id") + "'."));
            Map<String, Object> model = new HashMap<>();
            model.put("chapter", chapter);
            model.put("lesson", lesson);
            model.put("body", bodies.get(lesson.id()));
            model.put("previous", chapter.previous(lesson).orElse(null));
            model.put("next", chapter.next(lesson).orElse(null));
            ctx.html(pages.page(ctx, "lesson", model));
        }, Access.LESSONS);
    }
}
