package org.m2mkit.web.quizzes;

import java.util.List;
import java.util.Locale;
import org.m2mkit.content.questions.GiftParser;
import org.m2mkit.content.questions.GiftWriter;
import org.m2mkit.content.questions.MoodleXml;
import org.m2mkit.content.questions.Problem;
import org.m2mkit.content.questions.Question;

/** The two bank file formats by name: {@code gift} and {@code xml} (Moodle XML). */
public final class QuestionFiles {

    private QuestionFiles() {}

    public static List<Question> parse(String format, String text, List<Problem> problems) {
        return switch (check(format)) {
            case "xml" -> new MoodleXml().read(text, problems);
            default -> new GiftParser().parse(text, problems);
        };
    }

    public static String write(String format, List<Question> questions) {
        return switch (check(format)) {
            case "xml" -> new MoodleXml().write(questions);
            default -> new GiftWriter().write(questions);
        };
    }

    /** The format named, lower case; a clear error for any other name. */
    public static String check(String format) {
        String f = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
        if (!f.equals("gift") && !f.equals("xml")) {
            throw QuizError.bad("Unknown format '" + format + "'; accepted: gift, xml (Moodle XML).");
        }
        return f;
    }

    /** The format a file name suggests: xml for {@code .xml}, else gift. */
    public static String guess(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".xml") ? "xml" : "gift";
    }
}
