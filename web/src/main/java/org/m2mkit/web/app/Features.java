package org.m2mkit.web.app;

import io.javalin.config.RoutesConfig;
import java.util.List;
import javax.sql.DataSource;
import org.m2mkit.content.Chapter;
import org.m2mkit.web.accounts.AccountRepository;
import org.m2mkit.web.accounts.AccountRoutes;
import org.m2mkit.web.accounts.Auth;
import org.m2mkit.web.accounts.SignInLimiter;
import org.m2mkit.web.grading.Grading;
import org.m2mkit.web.grading.GradingRoutes;
import org.m2mkit.web.health.Health;
import org.m2mkit.web.health.HealthRoutes;
import org.m2mkit.web.jshell.JShellRoutes;
import org.m2mkit.web.jshell.SessionRegistry;
import org.m2mkit.web.labs.LabRoutes;
import org.m2mkit.web.labs.LiveLab;
import org.m2mkit.web.lessons.LessonRoutes;
import org.m2mkit.web.lessons.ProgressStore;
import org.m2mkit.web.lti.Lti;
import org.m2mkit.web.quizzes.QuizRoutes;
import org.m2mkit.web.quizzes.Quizzes;

/** The web app's features, built from the kit's shared parts: adding a feature is one line in {@link #all}. */
public final class Features {

    /**
     * What the kit has started and the features share.
     *
     * @param signIns the limit on wrong passwords (counted in the database when kits share one)
     * @param db the database the gradebook reads
     */
    public record Shared(Chapter chapter, Pages pages, Health health, AccountRepository accounts, Auth auth,
                         SignInLimiter signIns,
                         ProgressStore progress, Quizzes quizzes, Grading grading, LiveLab live, DataSource db,
                         SessionRegistry notebooks, Lti lti) {}

    private Features() {}

    /** Every feature, in the order its routes are registered (sign-in checks first). */
    public static List<Feature> all(Shared s) {
        return List.of(
                Feature.of(s.auth()::register),
                Feature.of(routes -> AccountRoutes.register(routes, s.accounts(), s.auth(), s.signIns(), s.pages())),
                lessons(s),
                Feature.of(routes -> HealthRoutes.register(routes, s.health())),
                Feature.of(routes -> JShellRoutes.register(routes, s.notebooks())),
                Feature.of(routes -> QuizRoutes.register(routes, s.quizzes(), s.pages())),
                Feature.of(routes -> GradingRoutes.register(routes, s.grading(), s.db(), s.accounts(), s.pages())),
                Feature.of(routes -> LabRoutes.register(routes, s.live(), s.pages(), s.grading()::hasGateway)),
                Feature.of(routes -> s.lti().register(routes, s.pages(), s.chapter())));
    }

    /** The lessons, whose pages are rendered once in the background after the kit listens. */
    private static Feature lessons(Shared s) {
        return new Feature() {
            private Runnable render;

            @Override
            public void register(RoutesConfig routes) {
                render = LessonRoutes.register(routes, s.chapter(), s.pages(), s.progress());
            }

            @Override
            public Runnable afterStart() {
                return render;
            }
        };
    }
}
