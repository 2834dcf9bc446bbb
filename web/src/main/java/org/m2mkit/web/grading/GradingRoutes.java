package org.m2mkit.web.grading;


import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.m2mkit.grader.InvalidSubmissionException;
import org.m2mkit.grader.Lab;
import org.m2mkit.grader.Labs;
import org.m2mkit.grader.Submission;
import org.m2mkit.labs.UserError;
import org.m2mkit.web.accounts.Access;
import org.m2mkit.web.accounts.Account;
import org.m2mkit.web.accounts.AccountRepository;
import org.m2mkit.web.accounts.Auth;
import org.m2mkit.web.accounts.Role;
import org.m2mkit.web.app.Pages;
import org.m2mkit.web.app.TextDecoding;
import org.m2mkit.web.labs.LabRoutes;

/**
 * Lab submissions and the gradebook: {@code /labs/<lab>} for every registered lab (editor, upload, progress,
 * feedback, history, starter kit), {@code /labs/submissions/{id}} (one submission), {@code /api/submissions/{id}}
 * (its progress and result as JSON), and {@code /instructor/gradebook} with its CSV.
 */
public final class GradingRoutes {

    private static final Pattern PUBLIC_CLASS = Pattern.compile("public\\s+(?:final\\s+|abstract\\s+)*class\\s+(\\w+)");

    private final Grading grading;
    private final Gradebook gradebook;
    private final AccountRepository accounts;
    private final Pages pages;

    private GradingRoutes(Grading grading, Gradebook gradebook, AccountRepository accounts, Pages pages) {
        this.grading = grading;
        this.gradebook = gradebook;
        this.accounts = accounts;
        this.pages = pages;
    }

    public static void register(RoutesConfig routes, Grading grading, DataSource db, AccountRepository accounts,
                                Pages pages) {
        GradingRoutes r = new GradingRoutes(grading, new Gradebook(db, accounts, grading), accounts, pages);
        routes.get("/labs", r::labsPage, Access.SIGNED_IN);
        for (Lab lab : Labs.all()) {
            routes.get("/labs/" + lab.id(), ctx -> r.labPage(ctx, lab, null, null), Access.SIGNED_IN);
            routes.post("/labs/" + lab.id() + "/submissions", ctx -> r.submit(ctx, lab), Access.SIGNED_IN);
            routes.get("/labs/" + lab.id() + "/starter-kit.zip", ctx -> r.starterKit(ctx, lab), Access.SIGNED_IN);
        }
        routes.get("/labs/submissions/{id}", r::submissionPage, Access.SIGNED_IN);
        routes.get("/api/submissions/{id}", r::submissionJson, Access.SIGNED_IN);
        routes.get("/instructor/gradebook", r::gradebookPage, Access.INSTRUCTOR);
        routes.get("/instructor/gradebook.csv", r::gradebookCsv, Access.INSTRUCTOR);
        routes.get("/instructor/students/{id}/submissions", r::studentPage, Access.INSTRUCTOR);
        routes.get("/grades", r::myGrades, Access.SIGNED_IN);
    }

    /** A person's own grades: each lab's submissions and every submitted quiz attempt. */
    private void myGrades(Context ctx) {
        Account me = Auth.require(ctx);
        ctx.header("Cache-Control", "no-store");
        ctx.html(pages.page(ctx, "grading/student", gradesModel(me, true)));
    }

    private Map<String, Object> gradesModel(Account student, boolean own) {
        Map<String, Object> model = new HashMap<>();
        model.put("student", student);
        model.put("own", own);
        Map<String, List<StoredSubmission>> byLab = new LinkedHashMap<>();
        for (Lab lab : Labs.all()) {
            byLab.put(title(lab), grading.history(student, lab));
        }
        model.put("labs", byLab);
        model.put("quizAttempts", gradebook.quizAttempts(student.id()));
        return model;
    }

    /** Every registered lab with its handout, starter kit and the signed-in person's submissions to it. */
    private void labsPage(Context ctx) {
        Account who = Auth.require(ctx);
        List<Map<String, Object>> labs = new java.util.ArrayList<>();
        for (Lab lab : Labs.all()) {
            List<StoredSubmission> history = grading.history(who, lab);
            Map<String, Object> l = new HashMap<>();
            l.put("lab", lab);
            l.put("submissions", history.size());
            l.put("best", history.stream().filter(s -> s.counted() && s.score() != null)
                    .mapToDouble(StoredSubmission::score).max().stream().mapToObj(Scores::format).findFirst().orElse(null));
            labs.add(l);
        }
        ctx.header("Cache-Control", "no-store");
        ctx.html(pages.page(ctx, "grading/labs", Map.of("labs", labs)));
    }

    private void labPage(Context ctx, Lab lab, String error, String source) {
        Account who = Auth.require(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("lab", lab.id());
        model.put("labTitle", title(lab));
        model.put("contract", lab.contract().getSimpleName());
        model.put("constructor", lab.constructorText("YourClass"));
        model.put("allowance", grading.allowance(who, lab));
        model.put("handout", "/handouts/" + lab.handout());
        model.put("links", lab.links());
        List<StoredSubmission> history = grading.history(who, lab);
        model.put("history", history);
        model.put("source", source != null ? source
                : history.isEmpty() ? StarterKits.skeleton(lab) : editorText(history.get(0)));
        model.put("error", error);
        ctx.header("Cache-Control", "no-store");
        ctx.status(error == null ? HttpStatus.OK : HttpStatus.BAD_REQUEST).html(pages.page(ctx, "grading/lab", model));
    }

    static String title(Lab lab) {
        return lab.title();
    }

    /** The editor shows the newest submission's only file; with several files, the starter class. */
    private static String editorText(StoredSubmission s) {
        return s.sources().size() == 1 ? s.sources().values().iterator().next() : StarterKits.skeleton(s.lab());
    }

    private void submit(Context ctx, Lab lab) {
        Account who = Auth.require(ctx);
        boolean script = LabRoutes.wantsJson(ctx);
        String source = ctx.formParam("source");
        try {
            UploadedFile file = ctx.uploadedFile("file");
            Submission submission;
            String origin;
            String fileName;
            if (file != null && file.size() > 0) {
                origin = "upload";
                fileName = file.filename();
                submission = fromUpload(file);
            } else {
                if (source == null || source.isBlank()) {
                    throw new UserError("There is no code to grade: paste your class into the editor or choose a "
                            + ".java or .zip file.");
                }
                origin = "editor";
                Matcher m = PUBLIC_CLASS.matcher(source);
                fileName = (m.find() ? m.group(1) : "Submission") + ".java";
                submission = Submission.ofSource(fileName, source);
            }
            long id = grading.submit(who, lab, submission, origin, fileName);
            if (script) {
                ctx.status(HttpStatus.ACCEPTED).json(Map.of("id", id, "status", "/api/submissions/" + id,
                        "page", "/labs/submissions/" + id));
            } else {
                ctx.redirect("/labs/submissions/" + id, HttpStatus.SEE_OTHER);
            }
        } catch (Grading.RateLimited e) {
            ctx.header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
            refuse(ctx, lab, script, HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), source);
        } catch (UserError e) {
            refuse(ctx, lab, script, HttpStatus.BAD_REQUEST, e.getMessage(), source);
        }
    }

    private void refuse(Context ctx, Lab lab, boolean script, HttpStatus status, String message, String source) {
        if (script) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", message);
            body.put("allowance", grading.allowance(Auth.require(ctx), lab));
            ctx.status(status).json(body);
        } else {
            labPage(ctx, lab, message, source);
            ctx.status(status);
        }
    }

    private static Submission fromUpload(UploadedFile file) {
        String name = file.filename() == null ? "" : file.filename();
        String lower = name.toLowerCase(Locale.ROOT);
        if (file.size() > Submission.MAX_ZIP_BYTES) {
            throw new InvalidSubmissionException(name + " is larger than " + (Submission.MAX_ZIP_BYTES >> 20)
                    + " MB; submit one .java file or a zip of .java files");
        }
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UserError("the upload of " + name + " broke off; send it again");
        }
        if (lower.endsWith(".zip")) {
            return Submission.fromZip(bytes);
        }
        if (!lower.endsWith(".java")) {
            throw new InvalidSubmissionException(name + " is not a .java or a .zip file; submit one of those");
        }
        try {
            return Submission.ofSource(name.replaceAll("^.*[/\\\\]", ""), TextDecoding.decode(bytes));
        } catch (TextDecoding.NotText e) {
            throw new InvalidSubmissionException(name + ": " + e.getMessage());
        }
    }

    private void starterKit(Context ctx, Lab lab) {
        ctx.header("Content-Disposition", "attachment; filename=\"m2mkit-" + lab.id() + "-lab-starter.zip\"");
        ctx.contentType("application/zip").result(StarterKits.zip(lab));
    }

    /**
     * The submission, if the signed-in person may see it: their own, or any for an instructor. Someone else's
     * answers exactly as a missing one does, so that submission numbers cannot be probed.
     */
    private StoredSubmission visible(Context ctx) {
        Account who = Auth.require(ctx);
        String id = ctx.pathParam("id");
        java.util.Optional<StoredSubmission> found;
        try {
            found = grading.find(Long.parseLong(id));
        } catch (NumberFormatException e) {
            found = java.util.Optional.empty();
        }
        return found.filter(s -> s.accountId() == who.id() || who.role() == Role.INSTRUCTOR)
                .orElseThrow(() -> new NotFoundResponse("There is no such submission among those you may see."));
    }

    private void submissionPage(Context ctx) {
        StoredSubmission s = visible(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("s", s);
        model.put("labTitle", title(s.lab()));
        model.put("tests", tests(s));
        model.put("output", s.result() == null ? null : s.result().path("output").asText(null));
        ctx.header("Cache-Control", "no-store");
        ctx.html(pages.page(ctx, "grading/submission", model));
    }

    private void submissionJson(Context ctx) {
        StoredSubmission s = visible(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", s.id());
        body.put("lab", s.lab().id());
        body.put("status", s.status());
        if ("QUEUED".equals(s.status())) {
            body.put("queuePosition", grading.queuePosition(s.accountId()));
        }
        body.put("finished", s.finished());
        body.put("gradable", s.gradable());
        body.put("counted", s.counted());
        body.put("score", s.score());
        body.put("scoreText", s.scoreText());
        body.put("maxScore", s.maxScore());
        body.put("output", s.result() == null ? null : s.result().path("output").asText(null));
        body.put("tests", tests(s));
        body.put("submittedAt", s.submittedAt().toString());
        Account who = Auth.require(ctx);
        if (who.id() == s.accountId()) {
            body.put("allowance", grading.allowance(who, s.lab()));
        }
        ctx.header("Cache-Control", "no-store");
        ctx.json(body);
    }

    /** The per-test feedback as plain maps (the template and the script both read it). */
    static List<Map<String, Object>> tests(StoredSubmission s) {
        if (s.result() == null || !s.result().path("tests").isArray()) {
            return List.of();
        }
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        s.result().path("tests").forEach(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", t.path("number").asText(""));
            m.put("name", t.path("name").asText(""));
            m.put("rule", t.path("rule").asText(""));
            double score = t.path("score").asDouble();
            double max = t.path("maxScore").asDouble();
            m.put("score", Scores.format(score));
            m.put("maxScore", Scores.format(max));
            m.put("passed", score >= max - 1e-9);
            m.put("partial", score > 1e-9 && score < max - 1e-9);
            m.put("message", t.path("message").asText(""));
            m.put("visible", t.path("visible").asBoolean());
            m.put("printed", t.path("printed").asText(""));
            out.add(m);
        });
        return out;
    }

    private void gradebookPage(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.html(pages.page(ctx, "grading/gradebook", Map.of("book", gradebook.table())));
    }

    private void gradebookCsv(Context ctx) {
        ctx.header("Content-Disposition", "attachment; filename=\"m2mkit-gradebook.csv\"");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/csv; charset=utf-8").result(gradebook.csv());
    }

    private void studentPage(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("There is no account " + ctx.pathParam("id") + ".");
        }
        Account student = accounts.find(id).orElseThrow(() -> new NotFoundResponse("There is no account " + id + "."));
        ctx.html(pages.page(ctx, "grading/student", gradesModel(student, false)));
    }
}
