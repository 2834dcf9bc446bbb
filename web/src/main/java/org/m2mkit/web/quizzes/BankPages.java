package org.m2mkit.web.quizzes;

import org.m2mkit.web.accounts.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.m2mkit.content.questions.Problem;
import org.m2mkit.content.questions.Question;
import org.m2mkit.web.accounts.Account;
import org.m2mkit.web.app.TextDecoding;

/** The instructor's bank browser, and GIFT / Moodle XML import and export; {@link EditorPages} edits questions. */
final class BankPages {

    static final List<String> TYPES = List.of("single", "multiple", "truefalse", "shortanswer", "numeric", "matching",
            "ordering", "essay", "code", "description");

    private final Quizzes quizzes;
    private final QuizRoutes.Web web;

    BankPages(Quizzes quizzes, QuizRoutes.Web web) {
        this.quizzes = quizzes;
        this.web = web;
    }

    void register(RoutesConfig routes) {
        routes.get("/quizzes/bank", this::browse, Access.INSTRUCTOR);
        routes.get("/quizzes/import", ctx -> {
            web.instructor(ctx);
            web.render(ctx, "import", Map.of("banks", quizzes.banks().banks(), "problems", List.of(), "bankName", "",
                    "format", "gift"));
        }, Access.INSTRUCTOR);
        routes.post("/quizzes/import", this::upload, Access.INSTRUCTOR);
        routes.get("/quizzes/bank/{id}/export", this::export, Access.INSTRUCTOR);
    }

    private void browse(Context ctx) {
        web.instructor(ctx);
        String bank = ctx.queryParam("bank");
        Long bankId = bank == null || bank.isBlank() ? null : parseId(bank);
        String tag = blankToNull(ctx.queryParam("tag"));
        String type = blankToNull(ctx.queryParam("type"));
        String words = blankToNull(ctx.queryParam("q"));
        Map<String, Object> model = new HashMap<>();
        model.put("banks", quizzes.banks().banks());
        model.put("tags", quizzes.banks().tags());
        model.put("types", TYPES);
        model.put("questions", quizzes.banks().search(bankId, tag, type, words));
        model.put("bank", bankId == null ? "" : String.valueOf(bankId));
        model.put("tag", tag == null ? "" : tag);
        model.put("type", type == null ? "" : type);
        model.put("q", words == null ? "" : words);
        model.put("imported", ctx.queryParam("imported"));
        web.render(ctx, "bank", model);
    }

    private void upload(Context ctx) throws IOException {
        Account who = web.instructor(ctx);
        String format = ctx.formParam("format") == null ? "gift" : ctx.formParam("format");
        String bankName = ctx.formParam("bank") == null ? "" : ctx.formParam("bank").strip();
        boolean multipart = String.valueOf(ctx.contentType()).startsWith("multipart/");
        UploadedFile file = multipart ? ctx.uploadedFile("file") : null;
        String text;
        String source;
        if (file != null && file.size() > 0) {
            source = file.filename();
            try (InputStream in = file.content()) {
                text = TextDecoding.decode(in.readAllBytes());
            } catch (TextDecoding.NotText e) {
                ctx.status(422);
                web.render(ctx, "import", Map.of("banks", quizzes.banks().banks(), "problems",
                        List.of(new Problem(0, "", e.getMessage())), "bankName", bankName, "format", format,
                        "source", source));
                return;
            }
        } else {
            text = ctx.formParam("text") == null ? "" : ctx.formParam("text");
            source = "pasted text";
        }
        if (bankName.isEmpty()) {
            bankName = source.replaceFirst("\\.[A-Za-z]+$", "");
        }
        List<Problem> problems = new ArrayList<>();
        List<Question> questions = text.isBlank() ? List.of() : QuestionFiles.parse(format, text, problems);
        if (text.isBlank()) {
            problems.add(new Problem(0, "", "choose a file to upload or paste its text"));
        } else if (problems.isEmpty() && questions.isEmpty()) {
            problems.add(new Problem(0, "", "the file holds no question"));
        }
        if (!problems.isEmpty()) {
            ctx.status(422);
            web.render(ctx, "import", Map.of("banks", quizzes.banks().banks(), "problems", problems, "bankName", bankName,
                    "format", format, "source", source));
            return;
        }
        long bankId = quizzes.banks().importQuestions(bankName, source, questions, who.id());
        web.see(ctx, "/quizzes/bank?bank=" + bankId + "&imported=" + questions.size());
    }

    private void export(Context ctx) {
        web.instructor(ctx);
        long id = QuizRoutes.id(ctx, "id");
        BankStore.Bank bank = quizzes.banks().bank(id).orElseThrow(() -> QuizError.notFound("bank " + id));
        String format = ctx.queryParam("format") == null ? "gift" : ctx.queryParam("format").toLowerCase(Locale.ROOT);
        String body = QuestionFiles.write(format, quizzes.banks().export(id));
        String file = bank.name().replaceAll("[^A-Za-z0-9._-]+", "-") + (format.equals("xml") ? ".xml" : ".gift");
        ctx.contentType(format.equals("xml") ? "application/xml; charset=utf-8" : "text/plain; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        ctx.result(body);
    }

    private static Long parseId(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw QuizError.bad("The bank '" + s + "' is not a bank number.");
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
