package org.m2mkit.web.health;

import io.javalin.config.RoutesConfig;
import org.m2mkit.web.accounts.Access;

/** {@code GET /health}: JSON with the status of the database, the broker and the grader; 503 when one is down. */
public final class HealthRoutes {

    private HealthRoutes() {}

    public static void register(RoutesConfig routes, Health health) {
        routes.get("/health", ctx -> {
            var report = health.report();
            ctx.header("Cache-Control", "no-store");
            ctx.status(Health.ok(report) ? 200 : 503).json(report);
        }, Access.ANYONE);
    }
}
