package org.m2mkit.web.app;

import io.javalin.config.RoutesConfig;

/**
 * One feature of the web app (accounts, lessons, notebooks, quizzes, grading, labs, health): it registers its
 * routes, and may name work to run in the background once the kit listens. {@link Features} lists them.
 */
public interface Feature {
    /** Registers the feature's routes. */
    void register(RoutesConfig routes);

    /** Background work to start a little after the kit listens (a warm-up), or null for none. */
    default Runnable afterStart() {
        return null;
    }

    /** A feature that only registers routes. */
    static Feature of(java.util.function.Consumer<RoutesConfig> routes) {
        return routes::accept;
    }
}
