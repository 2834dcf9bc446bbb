package org.m2mkit.web.quizzes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.m2mkit.content.questions.Grade;
import org.m2mkit.content.questions.GiftParser;
import org.m2mkit.content.questions.Question;
import org.m2mkit.web.accounts.Account;
import org.m2mkit.web.accounts.AccountRepository;
import org.m2mkit.web.accounts.Role;
import org.m2mkit.web.db.Database;
import org.m2mkit.web.testing.TestDatabase;

/** A real database (H2 in a temporary folder, or PostgreSQL) with the kit's migrations, a settable clock and two accounts. */
final class QuizDb implements AutoCloseable {

    /** A clock the test moves forward. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    final Database db;
    final TestClock clock = new TestClock();
    final Quizzes quizzes;
    final Account teacher;
    final Account student;
    final Account other;

    QuizDb(Path dir) {
        this(dir, TestDatabase.H2);
    }

    QuizDb(Path dir, TestDatabase kind) {
        db = kind.open(dir);
        quizzes = new Quizzes(db.dataSource(), (check, source) -> Grade.of(source.contains("5.0 / 9") ? 1 : 0,
                "checked " + check.check()), clock);
        AccountRepository accounts = new AccountRepository(db.dataSource());
        teacher = accounts.create("teacher", "Teacher", Role.INSTRUCTOR, "pw-teacher-1", false);
        student = accounts.create("ada", "Ada", Role.STUDENT, "pw-student-1", false);
        other = accounts.create("bob", "Bob", Role.STUDENT, "pw-student-2", false);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = QuizDb.class.getResourceAsStream("/quizzes/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<Question> everyType() throws IOException {
        return new GiftParser().parse(resource("every-type.gift"), "every-type.gift");
    }

    @Override
    public void close() {
        db.close();
    }
}
