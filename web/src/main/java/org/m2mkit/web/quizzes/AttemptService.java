package org.m2mkit.web.quizzes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.m2mkit.content.questions.Body;
import org.m2mkit.content.questions.CodeChecker;
import org.m2mkit.content.questions.Grade;
import org.m2mkit.content.questions.Question;
import org.m2mkit.content.questions.Response;
import org.m2mkit.web.accounts.Account;
import org.m2mkit.web.accounts.Role;
import org.m2mkit.web.db.Sql;
import org.m2mkit.web.quizzes.BankStore.StoredQuestion;

/**
 * Attempts: starting one (drawing and freezing question versions), saving each answer as it is given, checking,
 * submitting and grading. Every saved answer is committed before the call returns.
 */
public final class AttemptService {

    /** Saves that arrive this long after the deadline still count (the page saves just before it submits). */
    static final Duration GRACE = Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Sql sql;
    private final BankStore banks;
    private final QuizStore quizzes;
    private final CodeChecker checker;
    private final Clock clock;
    private final Random random = new Random();
    private volatile java.util.function.ObjLongConsumer<String> onScored = (page, accountId) -> { };

    public AttemptService(DataSource db, BankStore banks, QuizStore quizzes, CodeChecker checker, Clock clock) {
        this.sql = new Sql(db);
        this.banks = banks;
        this.quizzes = quizzes;
        this.checker = checker;
        this.clock = clock;
    }

    /** Resumes the person's unfinished attempt, or starts a new one when the quiz allows it. */
    public Attempt start(long quizId, Account who, boolean preview) {
        Quiz quiz = quizzes.find(quizId).orElseThrow(() -> QuizError.notFound("quiz " + quizId));
        Instant now = clock.instant();
        if (preview && who.role() != Role.INSTRUCTOR) {
            throw QuizError.forbidden("Only instructors can preview a quiz.");
        }
        Long open = sql.one("SELECT id FROM quiz_attempt WHERE quiz_id = ? AND account_id = ? AND preview = ? "
                + "AND submitted_at IS NULL ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", rs -> rs.getLong(1),
                quizId, who.id(), preview);
        if (open != null) {
            Attempt a = attempt(open, who);
            if (!a.submitted()) {
                return a;
            }
        }
        if (!preview) {
            if (!quiz.published()) {
                throw QuizError.forbidden("This quiz is not published yet.");
            }
            if (!quiz.isOpen(now)) {
                throw QuizError.forbidden(quiz.isClosed(now) ? "This quiz has closed." : "This quiz is not open yet.");
            }
            int used = sql.one("SELECT COUNT(*) FROM quiz_attempt WHERE quiz_id = ? AND account_id = ? AND preview = FALSE",
                    rs -> rs.getInt(1), quizId, who.id());
            if (quiz.attemptsAllowed() > 0 && used >= quiz.attemptsAllowed()) {
                throw QuizError.forbidden("You have used all " + quiz.attemptsAllowed() + " attempts at this quiz.");
            }
        }
        List<Pick> drawn = draw(quiz);
        if (drawn.isEmpty()) {
            throw QuizError.conflict("This quiz has no questions yet.");
        }
        Instant deadline = quiz.timeLimitMinutes() == null ? null : now.plus(quiz.timeLimitMinutes(), ChronoUnit.MINUTES);
        if (quiz.closesAt() != null && !preview && (deadline == null || quiz.closesAt().isBefore(deadline))) {
            deadline = quiz.closesAt();
        }
        Instant until = deadline;
        List<Integer> positions = IntStream.range(0, drawn.size()).boxed().collect(Collectors.toList());
        if (quiz.shuffleQuestions()) {
            Collections.shuffle(positions, random);
        }
        List<StoredQuestion> versions = new ArrayList<>();
        List<Double> marks = new ArrayList<>();
        for (int k : positions) {
            StoredQuestion q = banks.question(drawn.get(k).questionId())
                    .orElseThrow(() -> QuizError.conflict("A question of this quiz was removed; ask your instructor."));
            versions.add(q);
            marks.add(q.question().body().carriesMarks() ? drawn.get(k).mark() : 0);
        }
        double max = marks.stream().mapToDouble(Double::doubleValue).sum();
        long id = sql.tx(c -> {
            long attemptId = Sql.insert(c, "INSERT INTO quiz_attempt (quiz_id, account_id, preview, started_at, deadline, "
                    + "max_score) VALUES (?, ?, ?, ?, ?, ?)", quizId, who.id(), preview, now, until, max);
            for (int i = 0; i < versions.size(); i++) {
                StoredQuestion q = versions.get(i);
                Sql.insert(c, "INSERT INTO quiz_attempt_item (attempt_id, position, question_version_id, mark, "
                        + "display_order) VALUES (?, ?, ?, ?, ?)", attemptId, i + 1, q.versionId(), marks.get(i),
                        join(displayOrder(q.question().body(), quiz.shuffleAnswers())));
            }
            return attemptId;
        });
        return attempt(id, who);
    }

    /** A question an attempt gets, with the marks it carries there. */
    private record Pick(long questionId, double mark) {}

    /** The questions an attempt gets: fixed questions, and random picks per draw without repeats. */
    private List<Pick> draw(Quiz quiz) {
        Set<Long> used = quiz.slots().stream().filter(s -> !s.isDraw()).map(Quiz.Slot::questionId)
                .collect(Collectors.toCollection(HashSet::new));
        List<Pick> out = new ArrayList<>();
        for (Quiz.Slot s : quiz.slots()) {
            if (!s.isDraw()) {
                out.add(new Pick(s.questionId(), s.mark()));
                continue;
            }
            List<Long> pool = new ArrayList<>(banks.questionIdsWithTag(s.tag()));
            pool.removeAll(used);
            Collections.shuffle(pool, random);
            for (Long id : pool.subList(0, Math.min(s.drawCount(), pool.size()))) {
                out.add(new Pick(id, s.mark()));
                used.add(id);
            }
        }
        return out;
    }

    /** The order choices are shown in; matching and ordering items are always mixed so the order gives nothing away. */
    List<Integer> displayOrder(Body body, boolean shuffle) {
        int n;
        boolean always = false;
        if (body instanceof Body.SingleChoice s) {
            n = s.choices().size();
        } else if (body instanceof Body.MultipleAnswer m) {
            n = m.choices().size();
        } else if (body instanceof Body.Matching m) {
            n = m.rightItems().size();
            always = true;
        } else if (body instanceof Body.Ordering o) {
            n = o.items().size();
            always = true;
        } else {
            return List.of();
        }
        List<Integer> order = IntStream.range(0, n).boxed().collect(Collectors.toList());
        if (shuffle || always) {
            List<Integer> identity = List.copyOf(order);
            for (int tries = 0; tries < 10 && (tries == 0 || (body instanceof Body.Ordering && order.equals(identity))); tries++) {
                Collections.shuffle(order, random);
            }
        }
        return order;
    }

    /** The little a save needs to know, read in one query. */
    private record SaveTarget(long accountId, Instant deadline, Instant submittedAt, long itemId, boolean checked,
                              String type) {}

    /**
     * Saves one answer; returns when it was saved (committed). Refused once the attempt is submitted or past its
     * deadline. One query and one update, so that many students can save at once.
     */
    public Instant save(long attemptId, Account who, int position, List<String> values) {
        if (values.size() > 200 || values.stream().anyMatch(v -> v != null && v.length() > 100_000)) {
            throw QuizError.bad("The answer is too long; at most 200 values of 100,000 characters each are accepted.");
        }
        Instant now = clock.instant();
        String json = json(values);
        SaveTarget target = sql.tx(c -> {
            SaveTarget t = Sql.one(c, "SELECT a.account_id, a.deadline, a.submitted_at, i.id, i.checked, v.qtype "
                    + "FROM quiz_attempt a JOIN quiz_attempt_item i ON i.attempt_id = a.id "
                    + "JOIN quiz_question_version v ON v.id = i.question_version_id WHERE a.id = ? AND i.position = ?",
                    rs -> new SaveTarget(rs.getLong(1), Sql.instant(rs, "deadline"), Sql.instant(rs, "submitted_at"),
                            rs.getLong(4), rs.getBoolean(5), rs.getString(6)), attemptId, position);
            if (t != null && t.accountId() == who.id() && t.submittedAt() == null && !t.checked()
                    && (t.deadline() == null || !now.isAfter(t.deadline().plus(GRACE)))) {
                notANumber(t.type(), values);
                Sql.update(c, "UPDATE quiz_attempt_item SET response = ?, saved_at = ? WHERE id = ?", json, now, t.itemId());
            }
            return t;
        });
        if (target == null) {
            Attempt a = load(attemptId);
            if (a == null || a.accountId() != who.id() && who.role() != Role.INSTRUCTOR) {
                throw QuizError.notFound("attempt " + attemptId);
            }
            throw QuizError.notFound("question " + position + " in this attempt");
        }
        if (target.accountId() != who.id()) {
            if (who.role() != Role.INSTRUCTOR) {
                throw QuizError.notFound("attempt " + attemptId);
            }
            throw QuizError.forbidden("Only the person taking an attempt can change it.");
        }
        if (target.submittedAt() != null) {
            throw QuizError.conflict("This attempt has been submitted; answers can no longer change.");
        }
        if (target.deadline() != null && now.isAfter(target.deadline().plus(GRACE))) {
            submit(load(attemptId), who);
            throw QuizError.conflict("The time for this attempt is up; it has been submitted with the answers saved in time.");
        }
        if (target.checked()) {
            throw QuizError.conflict("This question has been checked; its answer can no longer change.");
        }
        return now;
    }

    /** A numeric question's answer must read as a number (or be empty); anything else is refused, not saved. */
    static void notANumber(String type, List<String> values) {
        if (!"numeric".equals(type)) {
            return;
        }
        for (String v : values) {
            if (v != null && !v.isBlank() && org.m2mkit.content.questions.Body.Numeric.parseNumber(v) == null) {
                String shown = v.strip().length() > 40 ? v.strip().substring(0, 40) + "…" : v.strip();
                throw QuizError.bad("“" + shown + "” is not a number, so it was not saved. Type a number such as 42, "
                        + "-0.5, 1,5 or 3e8.");
            }
        }
    }

    /** Grades one question during an attempt (immediate feedback); its answer is then locked. */
    public Attempt.Item check(long attemptId, Account who, int position) {
        Attempt a = attempt(attemptId, who);
        requireOwner(a, who);
        Quiz quiz = quizzes.find(a.quizId()).orElseThrow();
        if (quiz.feedbackTiming() != FeedbackTiming.IMMEDIATE) {
            throw QuizError.forbidden("This quiz shows feedback only after submission.");
        }
        if (a.submitted()) {
            throw QuizError.conflict("This attempt has been submitted.");
        }
        Attempt.Item item = a.items().stream().filter(i -> i.position() == position).findFirst()
                .orElseThrow(() -> QuizError.notFound("question " + position + " in this attempt"));
        Grade g = grade(item);
        sql.update("UPDATE quiz_attempt_item SET fraction = ?, feedback = ?, checked = TRUE WHERE id = ?",
                g.fraction(), json(g.feedback()), item.id());
        return attempt(attemptId, who).items().get(position - 1);
    }

    /** Told the quiz page ({@code /quizzes/3}) and the account each time an attempt is submitted or hand-graded. */
    public void whenScored(java.util.function.ObjLongConsumer<String> listener) {
        this.onScored = listener;
    }

    private void scored(long attemptId) {
        Attempt a = load(attemptId);
        if (a != null && !a.preview() && a.submitted()) {
            onScored.accept("/quizzes/" + a.quizId(), a.accountId());
        }
    }

    /** Grades every answer and closes the attempt; submitting twice changes nothing. */
    public Attempt submit(long attemptId, Account who) {
        Attempt a = attempt(attemptId, who);
        requireOwner(a, who);
        return submit(a, who);
    }

    private Attempt submit(Attempt a, Account who) {
        if (a.submitted()) {
            return a;
        }
        List<Grade> grades = new ArrayList<>();
        for (Attempt.Item item : a.items()) {
            grades.add(grade(item));
        }
        Instant now = clock.instant();
        boolean closed = sql.tx(c -> {
            Integer changed = Sql.update(c, "UPDATE quiz_attempt SET submitted_at = ? WHERE id = ? AND submitted_at IS NULL",
                    now, a.id());
            if (changed == 0) {
                return false;
            }
            for (int i = 0; i < grades.size(); i++) {
                Sql.update(c, "UPDATE quiz_attempt_item SET fraction = ?, feedback = ? WHERE id = ?",
                        grades.get(i).fraction(), json(grades.get(i).feedback()), a.items().get(i).id());
            }
            rescore(c, a.id());
            return true;
        });
        if (closed) {
            scored(a.id());
        }
        return attempt(a.id(), who);
    }

    private Grade grade(Attempt.Item item) {
        Question q = item.question().question();
        Response r = new Response(item.response());
        return q.body() instanceof Body.Code code ? code.grade(r, checker) : q.grade(r);
    }

    private static void rescore(Connection c, long attemptId) throws SQLException {
        Sql.update(c, "UPDATE quiz_attempt SET score = (SELECT COALESCE(SUM(fraction * mark), 0) FROM quiz_attempt_item "
                + "WHERE attempt_id = ?), needs_grading = EXISTS (SELECT 1 FROM quiz_attempt_item WHERE attempt_id = ? "
                + "AND fraction IS NULL) WHERE id = ?", attemptId, attemptId, attemptId);
    }

    /** An instructor's mark for a hand-graded answer (essays, unchecked code), as a fraction from 0 to 1. */
    public void gradeByHand(long attemptId, int position, double fraction, String comment) {
        if (fraction < 0 || fraction > 1 || Double.isNaN(fraction)) {
            throw QuizError.bad("A hand grade is a share of the mark from 0 to 1 (for example 0.5).");
        }
        sql.tx(c -> {
            int n = Sql.update(c, "UPDATE quiz_attempt_item SET fraction = ?, feedback = ? WHERE attempt_id = ? "
                    + "AND position = ? AND EXISTS (SELECT 1 FROM quiz_attempt a WHERE a.id = attempt_id "
                    + "AND a.submitted_at IS NOT NULL)", fraction, json(comment.isBlank() ? List.of() : List.of(comment)),
                    attemptId, position);
            if (n == 0) {
                throw QuizError.notFound("submitted answer " + position + " in attempt " + attemptId);
            }
            rescore(c, attemptId);
            return null;
        });
        scored(attemptId);
    }

    /** An attempt as its owner or an instructor sees it; an attempt past its deadline is submitted first. */
    public Attempt attempt(long attemptId, Account who) {
        Attempt a = load(attemptId);
        if (a == null) {
            throw QuizError.notFound("attempt " + attemptId);
        }
        if (who.role() != Role.INSTRUCTOR && a.accountId() != who.id()) {
            throw QuizError.notFound("attempt " + attemptId);
        }
        if (!a.submitted() && a.deadline() != null && clock.instant().isAfter(a.deadline().plus(GRACE))) {
            return submit(a, who);
        }
        return a;
    }

    private void requireOwner(Attempt a, Account who) {
        if (a.accountId() != who.id()) {
            throw QuizError.forbidden("Only the person taking an attempt can change it.");
        }
    }

    /** The person's own attempts at a quiz, oldest first. */
    public List<Attempt> attempts(long quizId, long accountId) {
        return sql.list("SELECT id FROM quiz_attempt WHERE quiz_id = ? AND account_id = ? ORDER BY id",
                rs -> rs.getLong(1), quizId, accountId).stream().map(this::load).toList();
    }

    /** Every submitted attempt at a quiz except previews, oldest first. */
    public List<Attempt> submittedAttempts(long quizId) {
        return sql.list("SELECT id FROM quiz_attempt WHERE quiz_id = ? AND preview = FALSE AND submitted_at IS NOT NULL "
                + "ORDER BY id", rs -> rs.getLong(1), quizId).stream().map(this::load).toList();
    }

    /** True when the attempt's owner may see marks, right answers and feedback now. */
    public boolean feedbackVisible(Quiz quiz, Attempt a) {
        if (!a.submitted()) {
            return false;
        }
        return a.preview() || quiz.feedbackTiming() != FeedbackTiming.AFTER_CLOSE || quiz.isClosed(clock.instant());
    }

    public Instant now() {
        return clock.instant();
    }

    /** An attempt with its items; reads the attempt row first, then its items, never holding two connections. */
    private Attempt load(long attemptId) {
        Attempt head = sql.one("SELECT a.*, ac.username FROM quiz_attempt a JOIN account ac ON ac.id = a.account_id "
                + "WHERE a.id = ?", rs -> new Attempt(rs.getLong("id"), rs.getLong("quiz_id"), rs.getLong("account_id"),
                        rs.getString("username"), rs.getBoolean("preview"), Sql.instant(rs, "started_at"),
                        Sql.instant(rs, "deadline"), Sql.instant(rs, "submitted_at"), Sql.doubleOrNull(rs, "score"),
                        rs.getDouble("max_score"), rs.getBoolean("needs_grading"), List.of()), attemptId);
        if (head == null) {
            return null;
        }
        return new Attempt(head.id(), head.quizId(), head.accountId(), head.username(), head.preview(),
                head.startedAt(), head.deadline(), head.submittedAt(), head.score(), head.maxScore(),
                head.needsGrading(), items(attemptId));
    }

    private List<Attempt.Item> items(long attemptId) {
        record Raw(long id, int position, long versionId, double mark, String order, String response, Instant savedAt,
                   Double fraction, String feedback, boolean checked) {}
        List<Raw> raws = sql.list("SELECT * FROM quiz_attempt_item WHERE attempt_id = ? ORDER BY position",
                (ResultSet rs) -> new Raw(rs.getLong("id"), rs.getInt("position"), rs.getLong("question_version_id"),
                        rs.getDouble("mark"), rs.getString("display_order"), rs.getString("response"),
                        Sql.instant(rs, "saved_at"), Sql.doubleOrNull(rs, "fraction"), rs.getString("feedback"),
                        rs.getBoolean("checked")), attemptId);
        List<Attempt.Item> items = new ArrayList<>();
        for (Raw r : raws) {
            StoredQuestion q = banks.version(r.versionId());
            items.add(new Attempt.Item(r.id(), r.position(), q, r.mark(), split(r.order()), strings(r.response()),
                    r.savedAt(), r.fraction(), strings(r.feedback()), r.checked()));
        }
        return items;
    }

    private static String join(List<Integer> order) {
        return order.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Integer> split(String order) {
        return order == null || order.isBlank() ? List.of()
                : Arrays.stream(order.split(",")).map(Integer::valueOf).toList();
    }

    static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> strings(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answer is not a JSON list: " + e.getOriginalMessage(), e);
        }
    }
}
