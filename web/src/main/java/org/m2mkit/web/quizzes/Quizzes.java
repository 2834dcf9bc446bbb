package org.m2mkit.web.quizzes;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import javax.sql.DataSource;
import org.m2mkit.content.Chapter;
import org.m2mkit.content.questions.CodeChecker;

/** The quiz feature's parts over one database: banks, quizzes and attempts. */
public final class Quizzes {

    private final BankStore banks;
    private final QuizStore quizzes;
    private final AttemptService attempts;

    public Quizzes(DataSource db, CodeChecker checker, Clock clock) {
        this.banks = new BankStore(db);
        this.quizzes = new QuizStore(db);
        this.attempts = new AttemptService(db, banks, quizzes, checker, clock);
    }

    /**
     * The parts the kit runs with: {@code checker} checks code answers (the grader's sandbox in the kit); the
     * chapter's banks are seeded.
     */
    public static Quizzes start(DataSource db, Chapter chapter, CodeChecker checker) {
        writeThrough(db);
        Quizzes q = new Quizzes(db, checker, Clock.systemUTC());
        new Seeder(q.banks, q.quizzes).seed(chapter);
        return q;
    }

    /**
     * An answer the page shows as saved must survive the process being killed. H2 by default writes committed
     * changes to its file up to half a second later; with a write delay of 0 each commit is written before the
     * call returns (a persistent setting of the database; other databases commit durably already).
     */
    static void writeThrough(DataSource db) {
        try (Connection c = db.getConnection()) {
            if (c.getMetaData().getDatabaseProductName().equals("H2")) {
                try (Statement st = c.createStatement()) {
                    st.execute("SET WRITE_DELAY 0");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("setting the database's write delay: " + e.getMessage(), e);
        }
    }

    public BankStore banks() {
        return banks;
    }

    public QuizStore quizzes() {
        return quizzes;
    }

    public AttemptService attempts() {
        return attempts;
    }
}
