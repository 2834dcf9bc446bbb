package org.m2mkit.web.quizzes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m2mkit.web.quizzes.QuizHttp.location;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.m2mkit.content.questions.Body;
import org.m2mkit.content.questions.Choice;
import org.m2mkit.content.questions.NumericAnswer;
import org.m2mkit.content.questions.Question;
import org.m2mkit.content.questions.Response;
import org.m2mkit.web.testing.TestDatabase;

/**
 * The question editor's form over HTTP: new questions of each type, every type's main mistakes (each reported next
 * to its field, and nothing saved), the buttons that work without script, preview, and editing a stored question
 * of every type through the form.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class BankEditorTest {

    @Parameter
    TestDatabase database;

    @TempDir
    static Path dir;

    static QuizHttp web;
    static long bank;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) throws Exception {
        web = new QuizHttp(dir.resolve(database.name()), database);
        bank = web.t.quizzes.banks().importQuestions("M2M", "every-type.gift", QuizDb.everyType(), web.t.teacher.id());
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        web.close();
    }

    static BankStore banks() {
        return web.t.quizzes.banks();
    }

    static String newPath() {
        return "/quizzes/bank/" + bank + "/questions/new";
    }

    /** Every stored version of every question, to show that nothing was written. */
    static List<String> everything() {
        List<String> all = new ArrayList<>();
        for (BankStore.StoredQuestion q : banks().search(null, null, null, null)) {
            all.add(q.id() + "/" + q.version() + ": " + q.question());
        }
        return all;
    }

    @Test
    void theNewQuestionPageOffersEveryTypeToInstructorsOnly() throws Exception {
        HttpResponse<String> page = web.get("teacher", newPath());
        assertThat(page.statusCode()).isEqualTo(200);
        for (QuestionForm.Type t : QuestionForm.TYPES) {
            assertThat(page.body()).contains("value=\"" + t.id() + "\"").contains(t.label());
        }
        HttpResponse<String> unknown = web.get("teacher", newPath() + "?type=essayish");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("There is no question type &#39;essayish&#39;");
        assertThat(web.get("teacher", newPath() + "?type=numeric").body()).contains("Accepted numbers")
                .contains("name=\"row.1.tolerance\"").doesNotContain("name=\"row.2.value\"")
                .contains("list=\"objective-values\"").contains("inputmode=\"decimal\"")
                .doesNotContain("aria-invalid").doesNotContain("list=\"\"").doesNotContain("inputmode=\"\"");
        HttpResponse<String> unknownPost = web.post("teacher", newPath(), "type", "poem", "text", "Roses.");
        assertThat(unknownPost.statusCode()).isEqualTo(400);
        assertThat(unknownPost.body()).contains("Unknown question type &#39;poem&#39;");
        assertThat(web.get("ada", newPath()).statusCode()).isEqualTo(403);
        assertThat(web.get("teacher", "/quizzes/bank/999/questions/new").statusCode()).isEqualTo(404);
        assertThat(web.post("ada", newPath(), "type", "essay", "text", "Explain.").statusCode()).isEqualTo(403);
    }

    @Test
    void aNumericQuestionWithToleranceRangeAndPartialCreditIsSavedAsVersionOne() throws Exception {
        String to = location(web.post("teacher", newPath(), "type", "numeric", "name", "Report delay form",
                "text", "After how many ms does the gateway report?", "format", "moodle",
                "row.0.value", "500", "row.0.tolerance", "0", "row.0.feedback", "Exactly.",
                "row.1.min", "400", "row.1.max", "600,5", "row.1.percent", "50", "row.1.feedback", "Close.",
                "row.2.value", "", "generalFeedback", "The figure says 500 ms.", "category", " M2M / Timing ",
                "objective", "objective:autonomy", "section", "460.2", "difficulty", "2", "otherTags", "topic:cycle, timing",
                "action", "save"));
        assertThat(to).endsWith("?saved=1");
        BankStore.StoredQuestion stored = banks().question(questionId(to)).orElseThrow();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.question()).isEqualTo(new Question("Report delay form", "After how many ms does the gateway report?",
                null, "The figure says 500 ms.", "M2M/Timing",
                List.of("objective:autonomy", "section:460.2", "difficulty:2", "topic:cycle", "timing"),
                new Body.Numeric(List.of(NumericAnswer.tolerance(500, 0, 100, "Exactly."),
                        NumericAnswer.range(400, 600.5, 50, "Close.")))));
        assertThat(stored.question().grade(Response.of("550")).fraction()).isEqualTo(0.5);
        HttpResponse<String> page = web.get("teacher", to);
        assertThat(page.body()).contains("Saved as version 1").contains("value=\"600.5\"").contains("Edit as GIFT")
                .contains("Preview as a student");
    }

    @Test
    void aMultipleAnswerQuestionKeepsItsNegativeWeight() throws Exception {
        String to = location(web.post("teacher", newPath(), "type", "multiple", "text", "Which are cellular?",
                "format", "moodle", "row.0.text", "LTE-M", "row.0.percent", "50", "row.1.text", "NB-IoT",
                "row.1.percent", "50", "row.2.text", "Wi-Fi", "row.2.percent", "-100", "row.2.feedback", "Not cellular.",
                "row.3.text", "", "action", "save"));
        Question q = banks().question(questionId(to)).orElseThrow().question();
        assertThat(q.body()).isEqualTo(new Body.MultipleAnswer(List.of(new Choice("LTE-M", 50, ""),
                new Choice("NB-IoT", 50, ""), new Choice("Wi-Fi", -100, "Not cellular."))));
        assertThat(q.grade(Response.of("0", "1")).fraction()).isEqualTo(1.0);
        assertThat(q.grade(Response.of("0", "2")).fraction()).isEqualTo(0.0);
    }

    static long questionId(String location) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/questions/(\\d+)\\?").matcher(location);
        assertThat(m.find()).as(location).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** One mistake: the fields posted, the field it is reported at, and what the message says. */
    record Mistake(String what, String key, String message, String... fields) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Mistake> mistakes() {
        return Stream.of(
                new Mistake("no text", "text", "Write the question's text.", "type", "essay", "text", "  "),
                new Mistake("unknown format", "format", "accepted: moodle, html, markdown, plain", "type", "essay",
                        "format", "rtf"),
                new Mistake("single: one answer", "rows", "needs at least two answers; 1 given", "type", "single",
                        "row.0.text", "MQTT", "row.0.percent", "100"),
                new Mistake("single: no right answer", "rows", "No answer earns full credit", "type", "single",
                        "row.0.text", "MQTT", "row.0.percent", "50", "row.1.text", "HTTP"),
                new Mistake("single: every answer right", "rows", "give at least one wrong answer a credit below 100",
                        "type", "single", "row.0.text", "MQTT", "row.0.percent", "100", "row.1.text", "CoAP",
                        "row.1.percent", "100"),
                new Mistake("single: credit not a number", "row.1.percent", "the credit 'half' is not accepted; "
                        + "give a number from -100 to 100", "type", "single", "row.0.text", "MQTT", "row.0.percent", "100",
                        "row.1.text", "HTTP", "row.1.percent", "half"),
                new Mistake("single: credit over 100", "row.0.percent", "Answer 1: the credit '150' is not accepted",
                        "type", "single", "row.0.text", "MQTT", "row.0.percent", "150", "row.1.text", "HTTP"),
                new Mistake("multiple: weights short of 100", "rows", "The positive credits add up to 80; they must add up to 100",
                        "type", "multiple", "row.0.text", "LTE-M", "row.0.percent", "50", "row.1.text", "NB-IoT",
                        "row.1.percent", "30", "row.2.text", "Wi-Fi", "row.2.percent", "-100"),
                new Mistake("multiple: feedback without text", "row.1.text", "Answer 2: write the text, or clear the row.",
                        "type", "multiple", "row.0.text", "LTE-M", "row.0.percent", "100", "row.1.feedback", "Why?"),
                new Mistake("true/false: no answer", "answer", "Choose whether the statement is true or false.",
                        "type", "truefalse", "answer", "maybe"),
                new Mistake("short answer: none", "rows", "Give at least one accepted answer.", "type", "shortanswer"),
                new Mistake("short answer: only partial credit", "rows", "No accepted answer earns full credit",
                        "type", "shortanswer", "row.0.text", "router", "row.0.percent", "50"),
                new Mistake("short answer: arrow", "row.0.text", "cannot contain '->'", "type", "shortanswer",
                        "row.0.text", "meter -> gateway"),
                new Mistake("numeric: not a number", "row.0.value", "the value 'ten' is not a number; accepted: "
                        + "a number such as 1822", "type", "numeric", "row.0.value", "ten"),
                new Mistake("numeric: negative tolerance", "row.0.tolerance", "give 0 or a positive number",
                        "type", "numeric", "row.0.value", "500", "row.0.tolerance", "-5"),
                new Mistake("numeric: value and range", "row.0.value", "a value (with an optional tolerance) or a range, not both",
                        "type", "numeric", "row.0.value", "500", "row.0.min", "400", "row.0.max", "600"),
                new Mistake("numeric: range backwards", "row.0.max", "the range ends below its start; the end must be at least 600",
                        "type", "numeric", "row.0.min", "600", "row.0.max", "400"),
                new Mistake("numeric: range without end", "row.0.max", "the range's end '' is not a number",
                        "type", "numeric", "row.0.min", "600"),
                new Mistake("numeric: feedback only", "row.0.value", "give the accepted value", "type", "numeric",
                        "row.0.feedback", "Close."),
                new Mistake("numeric: no full credit", "rows", "No accepted number earns full credit", "type", "numeric",
                        "row.0.value", "500", "row.0.percent", "50"),
                new Mistake("matching: item without match", "row.0.right", "give the match for 'NB-IoT'",
                        "type", "matching", "row.0.text", "NB-IoT", "row.1.text", "5G", "row.1.right", "surgery"),
                new Mistake("matching: one pair", "rows", "at least two pairs with an item; 1 given", "type", "matching",
                        "row.0.text", "NB-IoT", "row.0.right", "meters", "row.1.right", "printers"),
                new Mistake("ordering: one item", "rows", "at least two items; 1 given", "type", "ordering",
                        "row.0.text", "meter spike"),
                new Mistake("code: no check", "check", "Write the check: a boolean JShell expression", "type", "code",
                        "codeKind", "jshell", "starter", "double f() { return 0; }"),
                new Mistake("code: unknown checker", "codeKind", "a JShell expression or JUnit tests", "type", "code",
                        "codeKind", "python", "check", "true"),
                new Mistake("category with an empty name", "category", "write a path such as M2M/Protocols",
                        "type", "essay", "category", "M2M//Protocols"),
                new Mistake("objective of two words", "objective", "The objective 'select protocols' is not accepted",
                        "type", "essay", "objective", "select protocols"),
                new Mistake("tag with a bracket", "otherTags", "The tag 'a]b' is not accepted",
                        "type", "essay", "otherTags", "fine a]b"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void eachMistakeIsShownAtItsFieldAndNothingIsSaved(Mistake m) throws Exception {
        List<String> before = everything();
        List<Map.Entry<String, String>> form = new ArrayList<>();
        List<String> f = List.of(m.fields());
        if (!f.contains("text")) {
            form.add(Map.entry("text", "A question?"));
        }
        for (int i = 0; i + 1 < f.size(); i += 2) {
            form.add(Map.entry(f.get(i), f.get(i + 1)));
        }
        form.add(Map.entry("action", "save"));
        HttpResponse<String> r = web.post("teacher", newPath(), form);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        Document page = Jsoup.parse(r.body());
        String id = QuestionForm.id(m.key());
        Element error = page.getElementById(id + "-error");
        assertThat(error).as("the problem next to " + m.key()).isNotNull();
        assertThat(error.text()).contains(m.message());
        assertThat(page.select("#problems a[href=#" + id + "]")).as("the summary links to the field").hasSize(1);
        Element field = page.getElementById(id);
        assertThat(field).isNotNull();
        if (!field.tagName().equals("fieldset")) {
            assertThat(field.attr("aria-invalid")).isEqualTo("true");
            assertThat(field.attr("aria-describedby")).contains(id + "-error");
        }
        for (int i = 0; i + 1 < f.size(); i += 2) {
            if (f.get(i).startsWith("row.") || f.get(i).equals("text")) {
                assertThat(page.select("[name=" + f.get(i) + "]").val().strip()).as("kept as typed").isEqualTo(f.get(i + 1).strip());
            }
        }
        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void aQuestionThatWouldNotReadBackTheSameIsRefused() throws Exception {
        List<String> before = everything();
        HttpResponse<String> r = web.post("teacher", newPath(), "type", "single", "text", "How many meters report?",
                "row.0.text", "All of them", "row.0.percent", "100", "row.1.text", "%50% of meters", "action", "save");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(r.body()).select("#problems").text())
                .contains("This question cannot be stored exactly as written")
                .contains("an answer that starts with '%', such as '%50% of meters', reads as a weight");
        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void theRowButtonsWorkWithoutScriptAndSaveNothing() throws Exception {
        List<String> before = everything();
        HttpResponse<String> more = web.post("teacher", newPath(), "type", "ordering", "text", "Order these.",
                "row.0.text", "meter spike", "row.1.text", "", "action", "rows");
        assertThat(more.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(more.body());
        assertThat(page.select("fieldset.answer-row")).hasSize(2 + EditorPages.MORE_ROWS);
        assertThat(page.select("#problems")).isEmpty();
        assertThat(page.select("[name=row.0.text]").val()).isEqualTo("meter spike");

        HttpResponse<String> removed = web.post("teacher", newPath(), "type", "ordering", "text", "Order these.",
                "row.0.text", "a", "row.1.text", "b", "row.2.text", "c", "remove", "1");
        Document after = Jsoup.parse(removed.body());
        assertThat(after.select("fieldset.answer-row")).hasSize(2);
        assertThat(after.select("[name=row.1.text]").val()).isEqualTo("c");
        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void previewShowsTheUnsavedQuestionAsAStudentSeesIt() throws Exception {
        List<String> before = everything();
        HttpResponse<String> r = web.post("teacher", newPath(), "type", "truefalse", "text", "NB-IoT is cellular.",
                "answer", "true", "feedbackFalse", "It is.", "action", "preview");
        assertThat(r.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(r.body());
        assertThat(page.select("#preview .question-text").text()).isEqualTo("NB-IoT is cellular.");
        assertThat(page.select("#preview input[type=radio]")).hasSize(2);
        assertThat(page.select("#preview").text()).contains("not saved yet");
        assertThat(page.select("#f-answer-true").hasAttr("checked")).isTrue();
        assertThat(everything()).isEqualTo(before);
    }

    /** Posts a page's editor form back as a browser would, pressing the button {@code action}. */
    static HttpResponse<String> submit(Document page, String action) throws Exception {
        Element form = page.getElementById("question-form");
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (Element el : form.select("input[name], textarea[name], select[name]")) {
            String type = el.attr("type");
            if ((type.equals("radio") || type.equals("checkbox")) && !el.hasAttr("checked")) {
                continue;
            }
            String value = el.tagName().equals("textarea") ? el.wholeText()
                    : el.tagName().equals("select") ? el.select("option[selected]").val() : el.val();
            fields.add(Map.entry(el.attr("name"), value));
        }
        fields.add(Map.entry("action", action));
        return web.post("teacher", form.attr("action"), fields);
    }

    @Test
    void everyStoredTypeOpensInTheFormAndSavesBackUnchanged() throws Exception {
        List<String> before = everything();
        for (BankStore.StoredQuestion q : banks().search(bank, null, null, null)) {
            Document page = Jsoup.parse(web.get("teacher", "/quizzes/bank/questions/" + q.id()).body());
            assertThat(page.getElementById("question-form")).as(q.question().name()).isNotNull();
            HttpResponse<String> saved = submit(page, "save");
            assertThat(location(saved)).as(q.question().name() + " (" + q.question().body().type() + ")")
                    .endsWith("?unchanged=1");
        }
        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void anEditIsANewVersionAndAnInvalidOneChangesNothing() throws Exception {
        long id = banks().search(bank, null, "matching", null).get(0).id();
        Document page = Jsoup.parse(web.get("teacher", "/quizzes/bank/questions/" + id).body());
        page.select("[name=row.0.right]").val("");
        List<String> before = everything();
        HttpResponse<String> bad = submit(page, "save");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("give the match for &#39;NB-IoT&#39;");
        assertThat(everything()).isEqualTo(before);

        page.select("[name=row.0.right]").val("deep indoor meters");
        page.select("[name=row.4.text]").val("LoRaWAN");
        page.select("[name=row.4.right]").val("parking sensors");
        String to = location(submit(page, "save"));
        BankStore.StoredQuestion v2 = banks().question(id).orElseThrow();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(((Body.Matching) v2.question().body()).pairs()).hasSize(5)
                .last().isEqualTo(new Body.Matching.Pair("LoRaWAN", "parking sensors"));
        assertThat(web.get("teacher", to).body()).contains("Saved as version 2");
    }
}
