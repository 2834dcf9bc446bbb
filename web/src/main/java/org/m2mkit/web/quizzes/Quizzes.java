package org.m2mkit.web.quizzes;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.m2mkit.content.Chapter;
import org.m2mkit.content.questions.CodeChecker;

/** The quiz feature's parts over one database: banks, quizzes and attempts. */
public final class Quizzes {

    private final BankStore banks;
    private final QuizStore quizzes;
    private final AttemptService attempts;
    /** Done once the chapter's banks and quizzes are in place; the pages wait for it (see {@link #create}). */
    private volatile CompletableFuture<Void> seeding = CompletableFuture.completedFuture(null);

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
        Quizzes q = create(db, checker);
        q.seed(db, chapter);
        return q;
    }

    /**
     * The quiz services, before {@link #seed}; nothing touches the database yet, and the quiz pages wait until
     * the seeding is done, so that the kit can listen while it runs.
     */
    public static Quizzes create(DataSource db, CodeChecker checker) {
        Quizzes q = new Quizzes(db, checker, Clock.systemUTC());
        q.seeding = new CompletableFuture<>();
        return q;
    }

    /** Makes every saved answer durable and imports the chapter's banks and quizzes that are not there yet. */
    public void seed(DataSource db, Chapter chapter) {
        try {
            writeThrough(db);
            new Seeder(banks, quizzes).seed(chapter);
        } finally {
            seeding.complete(null);
        }
    }

    /** Returns once the start's seeding is done (at once after it); a page asked for meanwhile waits for it. */
    void awaitSeeded() {
        try {
            seeding.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuizError(503, "The kit is stopping; try again when it is back.");
        } catch (ExecutionException | TimeoutException e) {
            throw new QuizError(503, "The chapter's quizzes are still being set up; try again in a minute.");
        }
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
