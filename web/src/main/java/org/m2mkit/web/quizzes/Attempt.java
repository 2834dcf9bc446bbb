package org.m2mkit.web.quizzes;

import java.time.Instant;
import java.util.List;
import org.m2mkit.web.quizzes.BankStore.StoredQuestion;

/**
 * One try at a quiz by one person, with the question versions it drew.
 *
 * @param deadline null when there is no time limit and no close time
 * @param score    marks earned; null until submitted
 */
public record Attempt(long id, long quizId, long accountId, String username, boolean preview, Instant startedAt,
                      Instant deadline, Instant submittedAt, Double score, double maxScore, boolean needsGrading,
                      List<Item> items) {

    public boolean submitted() {
        return submittedAt != null;
    }

    /** How many of the items are questions; descriptions are not. */
    public long questionCount() {
        return items.stream().filter(Item::carriesMarks).count();
    }

    /** The item's number among the questions (1 for the first); null for a description, which is not numbered. */
    public Integer questionNumber(Item item) {
        return item.carriesMarks() ? (int) items.stream()
                .filter(i -> i.carriesMarks() && i.position() <= item.position()).count() : null;
    }

    /** Score as a percentage of the marks available; null until submitted. */
    public Double percent() {
        return score == null || maxScore == 0 ? null : 100 * score / maxScore;
    }

    /**
     * One question of the attempt.
     *
     * @param displayOrder the order choices (or matching right-hand items, or ordering items) are shown in
     * @param response     the saved answer; empty when none yet
     * @param fraction     the share of the mark earned once graded; null before, or while it waits for an instructor
     */
    public record Item(long id, int position, StoredQuestion question, double mark, List<Integer> displayOrder,
                       List<String> response, Instant savedAt, Double fraction, List<String> feedback, boolean checked) {

        /** False for a description: text only, no answer, no marks. */
        public boolean carriesMarks() {
            return question.question().body().carriesMarks();
        }

        public boolean answered() {
            return response.stream().anyMatch(v -> v != null && !v.isBlank());
        }

        public boolean graded() {
            return fraction != null;
        }

        public Double earned() {
            return fraction == null ? null : fraction * mark;
        }
    }
}
