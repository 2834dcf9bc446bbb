package org.m2mkit.web.quizzes;

import org.m2mkit.web.accounts.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The instructor's analytics page with server-drawn charts, and CSV downloads of attempts and responses. */
final class AnalyticsPages {

    /** One question's statistics with its answer chart. */
    public record ItemRow(Analytics.ItemStats stats, String chart) {}

    private final Quizzes quizzes;
    private final QuizRoutes.Web web;

    AnalyticsPages(Quizzes quizzes, QuizRoutes.Web web) {
        this.quizzes = quizzes;
        this.web = web;
    }

    void register(RoutesConfig routes) {
        routes.get("/quizzes/{id}/analytics", this::page, Access.INSTRUCTOR);
        routes.get("/quizzes/{id}/attempts.csv", ctx -> csv(ctx, "attempts", CsvExport.attempts(attempts(ctx))), Access.INSTRUCTOR);
        routes.get("/quizzes/{id}/responses.csv", ctx -> csv(ctx, "responses", CsvExport.responses(attempts(ctx))), Access.INSTRUCTOR);
    }

    private List<Attempt> attempts(Context ctx) {
        web.instructor(ctx);
        long id = QuizRoutes.id(ctx, "id");
        quizzes.quizzes().find(id).orElseThrow(() -> QuizError.notFound("quiz " + id));
        return quizzes.attempts().submittedAttempts(id);
    }

    private void page(Context ctx) {
        List<Attempt> attempts = attempts(ctx);
        Quiz quiz = quizzes.quizzes().find(QuizRoutes.id(ctx, "id")).orElseThrow();
        Analytics.Report report = Analytics.of(attempts);
        List<ItemRow> items = new ArrayList<>();
        List<Charts.Bar> facility = new ArrayList<>();
        for (Analytics.ItemStats s : report.items()) {
            List<Charts.Bar> bars = s.answers().stream().map(a -> new Charts.Bar(a.answer(), a.count(),
                    String.valueOf(a.count()), a.right())).toList();
            int max = s.answers().stream().mapToInt(Analytics.AnswerCount::count).max().orElse(1);
            items.add(new ItemRow(s, bars.isEmpty() ? "" : Charts.bars(bars, max, "Answers given to " + s.name())));
            if (s.facility() != null) {
                facility.add(new Charts.Bar(s.name(), s.facility(), percent(s.facility()), false));
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("quiz", quiz);
        model.put("report", report);
        model.put("items", items);
        model.put("histogram", Charts.histogram(report.bins(), "Attempts by score band, in percent"));
        model.put("facilityChart", facility.isEmpty() ? "" : Charts.bars(facility, 1, "Facility index per question"));
        model.put("toGrade", attempts.stream().filter(Attempt::needsGrading).toList());
        web.render(ctx, "analytics", model);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }

    private void csv(Context ctx, String what, String body) {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"quiz-" + ctx.pathParam("id") + "-" + what + ".csv\"");
        ctx.result(body);
    }
}
