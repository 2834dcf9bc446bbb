package org.m2mkit.web.app;

import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.util.Map;
import org.m2mkit.content.Chapter;
import org.m2mkit.web.health.Health;
import org.m2mkit.web.health.HealthRoutes;
import org.m2mkit.web.lessons.LessonRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Javalin app: every feature registers its routes here; errors become friendly pages in one place. */
public final class WebApp {

    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);

    private WebApp() {}

    public static Javalin create(Chapter chapter, Pages pages, Health health) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/assets";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "public, max-age=3600");
            });
            LessonRoutes.register(config.routes, chapter, pages);
            HealthRoutes.register(config.routes, health);
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR);
            });
            config.routes.error(404, "*", ctx -> ctx.html(pages.render("error", Map.of(
                    "status", 404, "title", "Page not found",
                    "message", ctx.result() == null || ctx.result().isBlank() || ctx.result().startsWith("Endpoint")
                            ? "There is no page at " + ctx.path() + "." : ctx.result()))));
            config.routes.error(500, "*", ctx -> ctx.html(pages.render("error", Map.of(
                    "status", 500, "title", "Something went wrong",
                    "message", "The kit could not show this page. Your work is saved; try again, and tell "
                            + "your instructor if it keeps happening."))));
        });
    }
}
