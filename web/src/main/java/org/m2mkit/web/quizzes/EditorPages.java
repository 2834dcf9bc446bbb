package org.m2mkit.web.quizzes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.m2mkit.content.questions.GiftParser;
import org.m2mkit.content.questions.GiftWriter;
import org.m2mkit.content.questions.Problem;
import org.m2mkit.content.questions.Question;
import org.m2mkit.content.questions.TextFormat;
import org.m2mkit.web.accounts.Access;
import org.m2mkit.web.accounts.Account;

/**
 * The question editor: a form per question type for a new question or the next version of one, with a preview as
 * a student; and the same question as GIFT text for those who prefer to write it that way. Nothing is saved
 * until every field is sound.
 */
final class EditorPages {

    /** Blank rows that "Add more rows" adds without script. */
    static final int MORE_ROWS = 3;

    private final Quizzes quizzes;
    private final QuizRoutes.Web web;

    EditorPages(Quizzes quizzes, QuizRoutes.Web web) {
        this.quizzes = quizzes;
        this.web = web;
    }

    void register(RoutesConfig routes) {
        routes.get("/quizzes/bank/{id}/questions/new", this::newQuestion, Access.INSTRUCTOR);
        routes.post("/quizzes/bank/{id}/questions/new", this::create, Access.INSTRUCTOR);
        routes.get("/quizzes/bank/questions/{id}", this::edit, Access.INSTRUCTOR);
        routes.post("/quizzes/bank/questions/{id}", this::update, Access.INSTRUCTOR);
        routes.get("/quizzes/bank/questions/{id}/gift", this::gift, Access.INSTRUCTOR);
        routes.post("/quizzes/bank/questions/{id}/gift", this::saveGift, Access.INSTRUCTOR);
    }

    /** What one rendering of the editor shows besides the form. */
    private record Page(BankStore.Bank bank, BankStore.StoredQuestion stored, Map<String, String> errors,
                        QuestionView preview, boolean previewSaved, String notice) {}

    private BankStore.Bank bank(Context ctx) {
        long id = QuizRoutes.id(ctx, "id");
        return quizzes.banks().bank(id).orElseThrow(() -> QuizError.notFound("bank " + id));
    }

    private BankStore.StoredQuestion stored(Context ctx) {
        long id = QuizRoutes.id(ctx, "id");
        return quizzes.banks().question(id).orElseThrow(() -> QuizError.notFound("question " + id));
    }

    private void newQuestion(Context ctx) {
        web.instructor(ctx);
        BankStore.Bank bank = bank(ctx);
        String type = ctx.queryParam("type");
        if (type == null || QuestionForm.typeOf(type).isEmpty()) {
            Map<String, Object> model = new HashMap<>();
            model.put("bank", bank);
            model.put("types", QuestionForm.TYPES);
            model.put("unknown", type == null || type.isBlank() ? null : type);
            if (type != null && !type.isBlank()) {
                ctx.status(400);
            }
            web.render(ctx, "new", model);
            return;
        }
        show(ctx, QuestionForm.blank(type), new Page(bank, null, Map.of(), null, false, null));
    }

    private void create(Context ctx) {
        Account who = web.instructor(ctx);
        BankStore.Bank bank = bank(ctx);
        QuestionForm form = QuestionForm.read(ctx.formParamMap());
        if (QuestionForm.typeOf(form.type()).isEmpty()) {
            throw QuizError.bad("Unknown question type '" + form.type() + "'; choose one on the New question page.");
        }
        Question q = submitted(ctx, form, new Page(bank, null, Map.of(), null, false, null));
        if (q != null) {
            long id = quizzes.banks().add(bank.id(), q, who.id());
            web.see(ctx, "/quizzes/bank/questions/" + id + "?saved=1");
        }
    }

    private void edit(Context ctx) {
        web.instructor(ctx);
        BankStore.StoredQuestion stored = stored(ctx);
        String notice = ctx.queryParam("saved") != null
                ? "Saved as version " + stored.version() + ". Attempts already started keep the version they showed."
                : ctx.queryParam("unchanged") != null ? "Nothing changed, so version " + stored.version() + " stays." : null;
        show(ctx, QuestionForm.of(stored.question()), new Page(bankOf(stored), stored, Map.of(),
                QuestionView.preview(stored.question()), true, notice));
    }

    private void update(Context ctx) {
        Account who = web.instructor(ctx);
        BankStore.StoredQuestion stored = stored(ctx);
        QuestionForm form = QuestionForm.read(ctx.formParamMap());
        Question q = submitted(ctx, form, new Page(bankOf(stored), stored, Map.of(),
                QuestionView.preview(stored.question()), true, null));
        if (q == null) {
            return;
        }
        if (QuestionForm.same(q, stored.question())) {
            web.see(ctx, "/quizzes/bank/questions/" + stored.id() + "?unchanged=1");
            return;
        }
        quizzes.banks().update(stored.id(), q, who.id());
        web.see(ctx, "/quizzes/bank/questions/" + stored.id() + "?saved=1");
    }

    /**
     * Carries out the form's button: remove a row, add rows, preview, or save. Returns the question to save, or
     * null when the page was shown again (with the problems when the form was not sound; nothing is saved then).
     */
    private Question submitted(Context ctx, QuestionForm form, Page page) {
        String remove = ctx.formParam("remove");
        String action = ctx.formParam("action") == null ? "save" : ctx.formParam("action");
        if (remove != null) {
            try {
                form = form.withoutRow(Integer.parseInt(remove.strip()));
            } catch (NumberFormatException e) {
                throw QuizError.bad("The row to remove '" + remove + "' is not a row number.");
            }
            show(ctx, form, page);
            return null;
        }
        if (action.equals("rows")) {
            show(ctx, form.withBlankRows(MORE_ROWS), page);
            return null;
        }
        QuestionForm.Checked checked = form.validate();
        if (checked.question() == null) {
            ctx.status(422);
            show(ctx, form, new Page(page.bank(), page.stored(), checked.errors(), page.preview(), page.previewSaved(),
                    null));
            return null;
        }
        if (action.equals("preview")) {
            show(ctx, form, new Page(page.bank(), page.stored(), Map.of(), QuestionView.preview(checked.question()),
                    false, null));
            return null;
        }
        return checked.question();
    }

    private void show(Context ctx, QuestionForm form, Page page) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("title", page.stored() == null ? "New question" : "Edit question");
        model.put("type", form.typeInfo());
        model.put("bank", page.bank());
        model.put("stored", page.stored());
        model.put("errors", page.errors());
        model.put("preview", page.preview());
        model.put("previewSaved", page.previewSaved());
        model.put("notice", page.notice());
        model.put("formats", TextFormat.values());
        model.put("action", page.stored() == null ? "/quizzes/bank/" + page.bank().id() + "/questions/new"
                : "/quizzes/bank/questions/" + page.stored().id());
        model.put("suggestions", suggestions());
        web.render(ctx, "editor", model);
    }

    /** Tag values already in use, offered as suggestions for the objective, section and difficulty fields. */
    private Map<String, List<String>> suggestions() {
        List<String> tags = quizzes.banks().tags().stream().map(BankStore.TagCount::tag).toList();
        Map<String, List<String>> out = new HashMap<>();
        for (String prefix : List.of("objective", "section", "difficulty")) {
            out.put(prefix, tags.stream().filter(t -> t.startsWith(prefix + ":"))
                    .map(t -> t.substring(prefix.length() + 1)).toList());
        }
        return out;
    }

    private BankStore.Bank bankOf(BankStore.StoredQuestion stored) {
        return quizzes.banks().bank(stored.bankId()).orElseThrow();
    }

    private void gift(Context ctx) {
        web.instructor(ctx);
        BankStore.StoredQuestion q = stored(ctx);
        showGift(ctx, q, new GiftWriter().write(List.of(q.question())), List.of());
    }

    private void showGift(Context ctx, BankStore.StoredQuestion q, String gift, List<Problem> problems) {
        Map<String, Object> model = new HashMap<>();
        model.put("stored", q);
        model.put("preview", QuestionView.preview(q.question()));
        model.put("gift", gift);
        model.put("problems", problems);
        web.render(ctx, "gift", model);
    }

    /** Saves the edited GIFT as the question's next version, or shows every problem and keeps the text. */
    private void saveGift(Context ctx) {
        Account who = web.instructor(ctx);
        BankStore.StoredQuestion current = stored(ctx);
        String gift = ctx.formParam("gift") == null ? "" : ctx.formParam("gift");
        List<Problem> problems = new ArrayList<>();
        List<Question> parsed = new GiftParser().parse(gift, problems);
        if (problems.isEmpty() && parsed.size() != 1) {
            problems.add(new Problem(0, "", "the editor holds " + parsed.size() + " questions; write exactly one"));
        }
        if (!problems.isEmpty()) {
            ctx.status(422);
            showGift(ctx, current, gift, problems);
            return;
        }
        quizzes.banks().update(current.id(), parsed.get(0), who.id());
        web.see(ctx, "/quizzes/bank/questions/" + current.id() + "?saved=1");
    }
}
