package org.m2mkit.web.quizzes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.m2mkit.web.accounts.Account;
import org.m2mkit.web.accounts.Role;
import org.m2mkit.web.app.Pages;

/**
 * Every quiz page and endpoint. Instructors: {@code /quizzes/bank} (browse, search, edit, preview),
 * {@code /quizzes/import}, {@code /quizzes/manage} (build, preview, publish), {@code /quizzes/{id}/analytics}.
 * Students: {@code /quizzes} (open quizzes and their own results), {@code /quizzes/{id}} (start or resume),
 * {@code /quizzes/attempts/{id}} (take, autosave, submit, review).
 */
public final class QuizRoutes {

    /** What the quiz pages need from the rest of the web app. */
    public record Web(Pages pages, Function<Context, Optional<Account>> viewer,
                      Function<Context, Map<String, Object>> pageModel) {

        /** The signed-in account; a stranger is sent to sign in. */
        Account require(Context ctx) {
            return viewer.apply(ctx).orElseThrow(() -> new QuizError(401,
                    "Please sign in to use the quizzes."));
        }

        Account instructor(Context ctx) {
            Account a = require(ctx);
            if (a.role() != Role.INSTRUCTOR) {
                throw QuizError.forbidden("This page is for instructors.");
            }
            return a;
        }

        void render(Context ctx, String template, Map<String, Object> model) {
            Map<String, Object> all = new HashMap<>(pageModel.apply(ctx));
            all.putAll(model);
            viewer.apply(ctx).ifPresent(a -> {
                all.put("viewer", a);
                all.put("instructor", a.role() == Role.INSTRUCTOR);
            });
            all.putIfAbsent("instructor", false);
            all.put("times", Times.INSTANCE);
            ctx.html(pages.render("quizzes/" + template, all));
        }

        void see(Context ctx, String path) {
            ctx.redirect(path, HttpStatus.SEE_OTHER);
        }
    }

    private QuizRoutes() {}

    public static void register(RoutesConfig routes, Quizzes quizzes, Web web) {
        new BankPages(quizzes, web).register(routes);
        new BuilderPages(quizzes, web).register(routes);
        new AnalyticsPages(quizzes, web).register(routes);
        new TakePages(quizzes, web).register(routes);
        routes.exception(QuizError.class, (e, ctx) -> {
            ctx.status(e.status());
            if (ctx.header("Accept") != null && ctx.header("Accept").contains("application/json")) {
                ctx.json(Map.of("error", e.getMessage()));
                return;
            }
            if (e.status() == 401 && ctx.method().name().equals("GET")) {
                web.see(ctx, "/sign-in?next=" + java.net.URLEncoder.encode(ctx.path(), java.nio.charset.StandardCharsets.UTF_8));
                return;
            }
            ctx.html(web.pages().render("error", Map.of("status", e.status(),
                    "title", e.status() == 404 ? "Not found" : e.status() == 403 ? "Not allowed" : "Cannot do that",
                    "message", e.getMessage())));
        });
    }

    static long id(Context ctx, String param) {
        try {
            return Long.parseLong(ctx.pathParam(param));
        } catch (NumberFormatException e) {
            throw QuizError.notFound(param + " '" + ctx.pathParam(param) + "'");
        }
    }
}
