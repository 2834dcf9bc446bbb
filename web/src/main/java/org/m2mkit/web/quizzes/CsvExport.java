package org.m2mkit.web.quizzes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** CSV files of a quiz's attempts and of every response, written with Jackson's CSV module. */
public final class CsvExport {

    private static final CsvMapper CSV = new CsvMapper();

    private CsvExport() {}

    /** One row per submitted attempt: who, when, score. */
    public static String attempts(List<Attempt> attempts) {
        List<List<String>> rows = new ArrayList<>();
        for (Attempt a : attempts) {
            rows.add(List.of(String.valueOf(a.id()), a.username(), String.valueOf(a.startedAt()),
                    String.valueOf(a.submittedAt()), number(a.score()), number(a.maxScore()), number(a.percent()),
                    String.valueOf(a.needsGrading())));
        }
        return write(List.of("attempt", "username", "started", "submitted", "score", "max_score", "percent",
                "needs_grading"), rows);
    }

    /**
     * One row per question of every submitted attempt: the question version shown, the answer and its grade.
     * Descriptions are not questions and have no rows.
     */
    public static String responses(List<Attempt> attempts) {
        List<List<String>> rows = new ArrayList<>();
        for (Attempt a : attempts) {
            for (Attempt.Item i : a.items().stream().filter(Attempt.Item::carriesMarks).toList()) {
                rows.add(List.of(String.valueOf(a.id()), a.username(), String.valueOf(i.position()),
                        String.valueOf(i.question().id()), String.valueOf(i.question().version()),
                        i.question().question().name(), i.question().question().body().type(),
                        String.join(" | ", i.response()), number(i.fraction()), number(i.mark()),
                        String.join(" ", i.feedback())));
            }
        }
        return write(List.of("attempt", "username", "position", "question", "version", "name", "type", "response",
                "fraction", "mark", "feedback"), rows);
    }

    private static String number(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.4f", d).replaceAll("\\.?0+$", "");
    }

    /** A cell a spreadsheet would run as a formula gets a leading apostrophe, so it stays text. */
    static String inert(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9.]+") ? "'" + cell : cell;
    }

    private static String write(List<String> header, List<List<String>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder();
        header.forEach(schema::addColumn);
        try {
            List<List<String>> all = new ArrayList<>();
            all.add(header);
            rows.forEach(r -> all.add(r.stream().map(CsvExport::inert).toList()));
            return CSV.writerFor(List.class).with(schema.build().withoutHeader()).writeValueAsString(all);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing CSV", e);
        }
    }
}
