package org.m2mkit.web.quizzes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.m2mkit.web.accounts.Account;
import org.m2mkit.web.accounts.Auth;
import org.m2mkit.web.accounts.Role;
import org.m2mkit.web.app.Pages;

/**
 * Every quiz page and endpoint. Instructors: {@code /quizzes/bank} (browse, search, edit, preview),
 * {@code /quizzes/import}, {@code /quizzes/manage} (build, preview, publish), {@code /quizzes/{id}/analytics}.
 * Students: {@code /quizzes} (open quizzes and their own results), {@code /quizzes/{id}} (start or resume),
 * {@code /quizzes/attempts/{id}} (take, autosave, submit, review).
 */
public final class QuizRoutes {

    /** What the quiz pages need from the rest of the web app: the page renderer and who is asking. */
    public record Web(Pages pages, Function<Context, Optional<Account>> viewer) {

        /** The signed-in account; a stranger is sent to sign in. */
        Account require(Context ctx) {
            return viewer.apply(ctx).orElseThrow(() -> new QuizError(401, "Please sign in to use the quizzes."));
        }

        Account instructor(Context ctx) {
            Account a = require(ctx);
            if (a.role() != Role.INSTRUCTOR) {
                throw QuizError.forbidden("This page is for instructors.");
            }
            return a;
        }

        void render(Context ctx, String template, Map<String, Object> model) {
            Map<String, Object> all = new HashMap<>(model);
            Optional<Account> who = viewer.apply(ctx);
            all.put("viewer", who.orElse(null));
            all.put("instructor", who.map(a -> a.role() == Role.INSTRUCTOR).orElse(false));
            all.put("times", Times.INSTANCE);
            ctx.html(pages.page(ctx, "quizzes/" + template, all));
        }

        void see(Context ctx, String path) {
            ctx.redirect(path, HttpStatus.SEE_OTHER);
        }
    }

    private QuizRoutes() {}

    /** Registers the quiz pages for the signed-in person of each request ({@link Auth}). */
    public static void register(RoutesConfig routes, Quizzes quizzes, Pages pages) {
        register(routes, quizzes, new Web(pages, Auth::current));
    }

    public static void register(RoutesConfig routes, Quizzes quizzes, Web web) {
        routes.before("/quizzes", ctx -> quizzes.awaitSeeded());
        routes.before("/quizzes/*", ctx -> quizzes.awaitSeeded());
        new BankPages(quizzes, web).register(routes);
        new EditorPages(quizzes, web).register(routes);
        new BuilderPages(quizzes, web).register(routes);
        new AnalyticsPages(quizzes, web).register(routes);
        new TakePages(quizzes, web).register(routes);
        routes.exception(QuizError.class, (e, ctx) -> {
            ctx.status(e.status());
            String accept = ctx.header("Accept");
            if (accept != null && accept.contains("application/json") && !accept.contains("text/html")) {
                ctx.json(Map.of("status", e.status(), "error", e.getMessage()));
            } else if (e.status() == 401 || e.status() == 403 || e.status() == 404) {
                ctx.result(e.getMessage()); // the app's error page shows this message
            } else {
                Map<String, Object> model = new HashMap<>();
                model.put("status", e.status());
                model.put("title", "That did not work");
                model.put("message", e.getMessage());
                ctx.html(web.pages().page(ctx, "error", model));
            }
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
