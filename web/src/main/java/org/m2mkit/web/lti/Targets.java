package org.m2mkit.web.lti;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.m2mkit.content.Chapter;
import org.m2mkit.grader.Lab;
import org.m2mkit.grader.Labs;
import org.m2mkit.web.db.Sql;

/**
 * The kit pages a platform's link may open: a lesson, a lab or a published quiz. A launch names one by its path
 * ({@code /lessons/intro}, {@code /labs/gateway}, {@code /quizzes/3}); nothing else is opened, so a launch cannot be
 * used to send a person anywhere but into the course.
 */
final class Targets {

    /** One kit page; {@code graded} ones get a line item in the platform's grade book. */
    public record Target(String path, String kind, String title, boolean graded) {}

    private static final Pattern QUIZ = Pattern.compile("/quizzes/([0-9]{1,18})");

    private final Chapter chapter;
    private final Sql sql;

    Targets(Chapter chapter, DataSource db) {
        this.chapter = chapter;
        this.sql = new Sql(db);
    }

    /** Everything an instructor can link, lessons first, then labs and quizzes. */
    List<Target> all() {
        List<Target> out = new ArrayList<>();
        chapter.lessons().forEach(l -> out.add(new Target("/lessons/" + l.id(), "Lesson", l.title(), false)));
        for (Lab lab : Labs.all()) {
            out.add(new Target("/labs/" + lab.id(), "Lab", lab.title(), true));
        }
        out.addAll(sql.list("SELECT id, title FROM quiz WHERE published ORDER BY id",
                rs -> new Target("/quizzes/" + rs.getLong(1), "Quiz", rs.getString(2), true)));
        return out;
    }

    /** The target at {@code path}, when it is one of the kit's linkable pages. */
    Optional<Target> find(String path) {
        if (path == null) {
            return Optional.empty();
        }
        if (path.startsWith("/lessons/")) {
            return chapter.lesson(path.substring("/lessons/".length()))
                    .map(l -> new Target(path, "Lesson", l.title(), false));
        }
        for (Lab lab : Labs.all()) {
            if (path.equals("/labs/" + lab.id())) {
                return Optional.of(new Target(path, "Lab", lab.title(), true));
            }
        }
        Matcher quiz = QUIZ.matcher(path);
        if (quiz.matches()) {
            return Optional.ofNullable(sql.one("SELECT title FROM quiz WHERE id = ? AND published",
                    rs -> new Target(path, "Quiz", rs.getString(1), true), Long.parseLong(quiz.group(1))));
        }
        return Optional.empty();
    }

    /** The lab of a target path, if it is a lab's. */
    static Optional<Lab> lab(String path) {
        for (Lab lab : Labs.all()) {
            if (path.equals("/labs/" + lab.id())) {
                return Optional.of(lab);
            }
        }
        return Optional.empty();
    }

    /** The quiz id of a target path, if it is a quiz's. */
    static Optional<Long> quiz(String path) {
        Matcher m = QUIZ.matcher(path);
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }
}
