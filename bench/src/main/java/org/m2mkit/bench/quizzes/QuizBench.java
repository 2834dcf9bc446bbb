package org.m2mkit.bench.quizzes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.m2mkit.content.questions.GiftParser;
import org.m2mkit.content.questions.GiftWriter;
import org.m2mkit.content.questions.MoodleXml;
import org.m2mkit.content.questions.Question;
import org.m2mkit.grader.codecheck.SandboxCodeChecker;
import org.m2mkit.web.accounts.Account;
import org.m2mkit.web.accounts.AccountRepository;
import org.m2mkit.web.accounts.Role;
import org.m2mkit.web.config.ConfigLoader;
import org.m2mkit.web.db.Database;
import org.m2mkit.web.quizzes.Analytics;
import org.m2mkit.web.quizzes.Attempt;
import org.m2mkit.web.quizzes.FeedbackTiming;
import org.m2mkit.web.quizzes.GradingMethod;
import org.m2mkit.web.quizzes.Quiz;
import org.m2mkit.web.quizzes.Quizzes;

/**
 * Quiz hot paths: GIFT and Moodle XML import/export of a large bank, autosave of answers by many students at once
 * on the kit's H2 file database (each save committed to the file before it returns), and item analytics of a
 * quiz's attempts. Usage: {@code java -cp ... org.m2mkit.bench.quizzes.QuizBench [students] [savesEach]}.
 */
public final class QuizBench {

    private QuizBench() {}

    public static void main(String[] args) throws Exception {
        int students = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int savesEach = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        System.out.printf(Locale.ROOT, "JDK %s, %d cores%n", Runtime.version(), Runtime.getRuntime().availableProcessors());
        importExport();
        Path dir = Files.createTempDirectory("quiz-bench");
        try (Database db = Database.open(ConfigLoader.defaultDbUrl(dir))) {
            // the benchmark saves answers and reads analytics; code answers are never checked, so no engine starts
            try (SandboxCodeChecker codeChecks = new SandboxCodeChecker(
                    () -> { throw new IllegalStateException("no JShell engines in this benchmark"); },
                    SandboxCodeChecker.defaults().withWorkDir(dir.resolve("grader")))) {
                Quizzes quizzes = Quizzes.start(db.dataSource(), org.m2mkit.content.ContentLoader.load(), codeChecks);
                autosave(db, quizzes, students, savesEach);
            }
        }
    }

    static String bank(int n) {
        StringBuilder b = new StringBuilder("$CATEGORY: Bench/Large\n\n");
        for (int i = 0; i < n; i++) {
            b.append("// [tag:objective:bench]\n// [tag:difficulty:easy]\n");
            switch (i % 5) {
                case 0 -> b.append("::Q").append(i).append("::Which protocol\\: number ").append(i)
                        .append("?{\n\t=MQTT#Yes.\n\t~HTTP#No.\n\t~%50%CoAP#Partly.\n\t####General.\n}\n\n");
                case 1 -> b.append("::Q").append(i).append("::Pick all {\n\t~%50%LTE-M\n\t~%50%NB-IoT\n\t~%-100%Wi-Fi\n}\n\n");
                case 2 -> b.append("::Q").append(i).append("::Seconds? {#2:0.5#About two.}\n\n");
                case 3 -> b.append("::Q").append(i).append("::Match {\n\t=a -> 1\n\t=b -> 2\n\t=c -> 3\n}\n\n");
                default -> b.append("::Q").append(i).append("::Name it {=gateway =M2M gateway =%50%router}\n\n");
            }
        }
        return b.toString();
    }

    static void importExport() {
        String gift = bank(2000);
        GiftParser parser = new GiftParser();
        for (int i = 0; i < 5; i++) {
            parser.parse(gift, "warm-up");
        }
        long t0 = System.nanoTime();
        int rounds = 10;
        List<Question> qs = null;
        for (int i = 0; i < rounds; i++) {
            qs = parser.parse(gift, "bench");
        }
        double parseMs = (System.nanoTime() - t0) / 1e6 / rounds;
        t0 = System.nanoTime();
        String written = null;
        for (int i = 0; i < rounds; i++) {
            written = new GiftWriter().write(qs);
        }
        double writeMs = (System.nanoTime() - t0) / 1e6 / rounds;
        MoodleXml xml = new MoodleXml();
        String x = xml.write(qs);
        t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            xml.read(x, "bench");
        }
        double xmlMs = (System.nanoTime() - t0) / 1e6 / rounds;
        System.out.printf(Locale.ROOT, "GIFT parse of 2000 questions (%d KiB): %.1f ms; GIFT write: %.1f ms; "
                + "Moodle XML read (%d KiB): %.1f ms; round trip equal: %b%n", gift.length() / 1024, parseMs, writeMs,
                x.length() / 1024, xmlMs, parser.parse(written, "again").equals(qs));
    }

    static void autosave(Database db, Quizzes quizzes, int students, int savesEach) throws Exception {
        quizzes.banks().importQuestions("Bench", "bench", new GiftParser().parse(bank(50), "bench"), null);
        long quiz = quizzes.quizzes().create(new Quiz.Settings("Bench", "", true, true, false, null, null, null, 0,
                GradingMethod.HIGHEST, FeedbackTiming.AFTER_SUBMISSION), null);
        quizzes.quizzes().addDraw(quiz, "objective:bench", 10, 1);
        quizzes.quizzes().publish(quiz, true);
        AccountRepository accounts = new AccountRepository(db.dataSource());
        List<Account> people = new ArrayList<>();
        for (int i = 0; i < students; i++) {
            people.add(accounts.create("bench" + i, "Bench " + i, Role.STUDENT, "bench-password-" + i, false));
        }
        List<Attempt> attempts = new ArrayList<>();
        for (Account a : people) {
            attempts.add(quizzes.attempts().start(quiz, a, false));
        }
        ExecutorService pool = Executors.newFixedThreadPool(students, r -> {
            Thread t = new Thread(r, "student");
            t.setDaemon(true);
            return t;
        });
        List<Future<long[]>> runs = new ArrayList<>();
        long start = System.nanoTime();
        for (int s = 0; s < students; s++) {
            Account who = people.get(s);
            Attempt a = attempts.get(s);
            runs.add(pool.submit(() -> {
                long[] times = new long[savesEach];
                for (int k = 0; k < savesEach; k++) {
                    long t = System.nanoTime();
                    quizzes.attempts().save(a.id(), who, 1 + k % a.items().size(), List.of(String.valueOf(k % 3)));
                    times[k] = System.nanoTime() - t;
                }
                return times;
            }));
        }
        long[] all = new long[students * savesEach];
        int n = 0;
        for (Future<long[]> f : runs) {
            for (long t : f.get()) {
                all[n++] = t;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(all);
        System.out.printf(Locale.ROOT, "autosave, %d students x %d saves at once: %.0f saves/s; latency p50 %.1f ms, "
                + "p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", students, savesEach, all.length / seconds,
                all[all.length / 2] / 1e6, all[(int) (all.length * 0.95)] / 1e6, all[(int) (all.length * 0.99)] / 1e6,
                all[all.length - 1] / 1e6);

        for (int s = 0; s < students; s++) {
            quizzes.attempts().submit(attempts.get(s).id(), people.get(s));
        }
        List<Attempt> submitted = quizzes.attempts().submittedAttempts(quiz);
        long t0 = System.nanoTime();
        Analytics.Report report = null;
        for (int i = 0; i < 20; i++) {
            report = Analytics.of(submitted);
        }
        System.out.printf(Locale.ROOT, "analytics of %d attempts (%d questions seen): %.2f ms; loading them: see below%n",
                submitted.size(), report.items().size(), (System.nanoTime() - t0) / 1e6 / 20);
        t0 = System.nanoTime();
        quizzes.attempts().submittedAttempts(quiz);
        System.out.printf(Locale.ROOT, "loading %d submitted attempts from the database: %.0f ms%n", submitted.size(),
                (System.nanoTime() - t0) / 1e6);
    }
}
