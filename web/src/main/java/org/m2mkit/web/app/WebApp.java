package org.m2mkit.web.app;

import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.Context;
import java.util.function.Consumer;
import io.javalin.http.HttpResponseException;
import org.m2mkit.content.Chapter;
import org.m2mkit.web.accounts.AccountRepository;
import org.m2mkit.web.accounts.AccountRoutes;
import org.m2mkit.web.accounts.Auth;
import org.m2mkit.web.accounts.SignInLimiter;
import org.m2mkit.web.health.Health;
import org.m2mkit.web.health.HealthRoutes;
import org.m2mkit.web.grading.Grading;
import org.m2mkit.web.grading.GradingRoutes;
import org.m2mkit.web.labs.LabRoutes;
import org.m2mkit.web.labs.LiveLab;
import org.m2mkit.web.jshell.JShellRoutes;
import org.m2mkit.web.jshell.SessionRegistry;
import org.m2mkit.web.lessons.LessonRoutes;
import org.m2mkit.web.lessons.ProgressStore;
import org.m2mkit.web.quizzes.QuizRoutes;
import org.m2mkit.web.quizzes.Quizzes;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Javalin app: every feature registers its routes here; errors become friendly pages in one place. */
public final class WebApp {

    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);

    private static final String ERROR_MESSAGE = "m2mkit.error";

    /**
     * How long after the kit starts listening the background warm-ups begin (rendering every lesson, booting
     * the grader's sandbox JVM): on two cores they would otherwise slow the first visitor's page down.
     */
    static final Duration WARM_UP_DELAY = Duration.ofSeconds(3);

    private static final String STARTED = "m2mkit.started";

    /**
     * What pages of the kit may load and who may frame them: scripts only from the kit's own files (no inline
     * script, no event-handler attributes, no eval), styles from its files plus the inline styles mermaid writes
     * into its diagrams, images from the kit and data: URLs, no plug-ins, forms and fetches to the kit only, and
     * framing by the kit's own pages only.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'");

    private WebApp() {}

    /** The security headers every answer carries, pages, files, errors and the JSON API alike. */
    static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "SAMEORIGIN");
        ctx.header("Referrer-Policy", "same-origin");
    }

    private static void serverTiming(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started != null) {
            ctx.header("Server-Timing", String.format(Locale.ROOT, "app;dur=%.2f",
                    (System.nanoTime() - started) / 1e6));
        }
    }

    /** Runs {@code task} in the background once {@link #WARM_UP_DELAY} has passed. */
    static void afterStart(Runnable task) {
        CompletableFuture.runAsync(task, CompletableFuture.delayedExecutor(WARM_UP_DELAY.toMillis(),
                TimeUnit.MILLISECONDS));
    }

    /** The lab features: submissions and gradebook, and the live lab console. */
    public record Labs(Grading grading, LiveLab live, DataSource db) {}

    public static Javalin create(Chapter chapter, Pages pages, Health health, AccountRepository accounts, Auth auth,
                                 ProgressStore progress, Quizzes quizzes, Labs labs, SessionRegistry notebooks,
                                 Consumer<HandlerMetaInfo> onRoute) {
        return create(chapter, pages, health, accounts, auth, new SignInLimiter(), progress, quizzes, labs, notebooks,
                onRoute);
    }

    /** The web app with the given limit on wrong passwords (counted in the database when kits share one). */
    public static Javalin create(Chapter chapter, Pages pages, Health health, AccountRepository accounts, Auth auth,
                                 SignInLimiter signIns, ProgressStore progress, Quizzes quizzes, Labs labs,
                                 SessionRegistry notebooks, Consumer<HandlerMetaInfo> onRoute) {
        return Javalin.create(config -> {
            config.events.handlerAdded(onRoute);
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/assets";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "public, max-age=3600");
            });
            // Server-Timing (W3C): how long the kit took to handle each request, for the browser's developer
            // tools and for bench/PageLatency, which separates server time from the network and the client
            config.routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
            config.routes.before(WebApp::securityHeaders);
            config.routes.before(UploadLimits::check);
            config.routes.after(WebApp::serverTiming);
            auth.register(config.routes);
            AccountRoutes.register(config.routes, accounts, auth, signIns, pages);
            Runnable renderLessons = LessonRoutes.register(config.routes, chapter, pages, progress);
            config.events.serverStarted(() -> afterStart(renderLessons));
            HealthRoutes.register(config.routes, health);
            JShellRoutes.register(config.routes, notebooks);
            QuizRoutes.register(config.routes, quizzes, pages);
            GradingRoutes.register(config.routes, labs.grading(), labs.db(), accounts, pages);
            LabRoutes.register(config.routes, labs.live(), pages, labs.grading()::hasGateway);
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                ctx.attribute(ERROR_MESSAGE, e.getMessage());
                ctx.status(e.getStatus());
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR);
            });
            config.routes.error(404, "*", ctx -> errorPage(ctx, pages, "Page not found",
                    "There is no page at " + ctx.path() + "."));
            config.routes.error(403, "*", ctx -> errorPage(ctx, pages, "Not for you",
                    "You may not open this page."));
            config.routes.error(401, "*", ctx -> errorPage(ctx, pages, "Sign in first",
                    "Sign in to see this page."));
            config.routes.error(400, "*", ctx -> errorPage(ctx, pages, "That request was not understood",
                    "The kit could not read what was sent. Go back and try again."));
            config.routes.error(411, "*", ctx -> errorPage(ctx, pages, "Size missing",
                    "An upload must say how large it is; send it again from the page's form."));
            config.routes.error(413, "*", ctx -> errorPage(ctx, pages, "Too large",
                    "What was sent is larger than the kit accepts."));
            config.routes.error(429, "*", ctx -> errorPage(ctx, pages, "Slow down",
                    "Too many requests in a short time; wait a little and try again."));
            config.routes.error(500, "*", ctx -> errorPage(ctx, pages, "Something went wrong",
                    "The kit could not show this page. Your work is saved; try again, and tell "
                            + "your instructor if it keeps happening."));
        });
    }

    /**
     * A friendly error page, or a one-line JSON error for scripts. A message set by the handler that refused the
     * request (a {@code ForbiddenResponse("...")}) is shown in place of the general one.
     */
    private static void errorPage(Context ctx, Pages pages, String title, String general) {
        String refusal = ctx.attribute(ERROR_MESSAGE);
        String result = ctx.result();
        if (refusal == null && result != null && !result.isBlank() && !result.startsWith("Endpoint ")
                && !result.equals("Not Found")) {
            return; // the handler wrote its own answer for this status (a form with its errors, for example)
        }
        String message = refusal != null && !refusal.isBlank() ? refusal : general;
        String accept = ctx.header("Accept");
        if (ctx.path().startsWith("/api/") || accept != null && accept.contains("application/json")
                && !accept.contains("text/html")) {
            ctx.json(Map.of("status", ctx.statusCode(), "error", message));
            return;
        }
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("status", ctx.statusCode());
        model.put("title", title);
        model.put("message", message);
        ctx.html(pages.page(ctx, "error", model));
    }
}
