package org.m2mkit.web.quizzes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A quiz and its slots.
 *
 * @param attemptsAllowed 0 for unlimited
 * @param timeLimitMinutes null for no limit
 */
public record Quiz(long id, String title, String intro, String seedKey, boolean shuffleQuestions,
                   boolean shuffleAnswers, boolean paged, Integer timeLimitMinutes, Instant opensAt, Instant closesAt,
                   int attemptsAllowed, GradingMethod gradingMethod, FeedbackTiming feedbackTiming, boolean published,
                   List<Slot> slots) {

    /**
     * A fixed question, or a random draw of {@code drawCount} questions carrying {@code tag}.
     *
     * @param textOnly a fixed description: text between the questions, no question and no marks
     */
    public record Slot(long id, int position, Long questionId, String tag, int drawCount, double mark,
                       boolean textOnly) {
        public boolean isDraw() {
            return tag != null;
        }

        /** How many questions the slot puts in an attempt. */
        public int questions() {
            return textOnly ? 0 : isDraw() ? drawCount : 1;
        }
    }

    /** What an instructor sets on a quiz. */
    public record Settings(String title, String intro, boolean shuffleQuestions, boolean shuffleAnswers, boolean paged,
                           Integer timeLimitMinutes, Instant opensAt, Instant closesAt, int attemptsAllowed,
                           GradingMethod gradingMethod, FeedbackTiming feedbackTiming) {}

    public Settings settings() {
        return new Settings(title, intro, shuffleQuestions, shuffleAnswers, paged, timeLimitMinutes, opensAt, closesAt,
                attemptsAllowed, gradingMethod, feedbackTiming);
    }

    public boolean isOpen(Instant now) {
        return (opensAt == null || !now.isBefore(opensAt)) && (closesAt == null || now.isBefore(closesAt));
    }

    public boolean isClosed(Instant now) {
        return closesAt != null && !now.isBefore(closesAt);
    }

    /** How many questions an attempt holds; descriptions are not questions. */
    public int questionCount() {
        return slots.stream().mapToInt(Slot::questions).sum();
    }

    public double maxScore() {
        return slots.stream().mapToDouble(s -> s.mark() * s.questions()).sum();
    }

    /** What the builder says of an attempt: its questions, their marks, and the descriptions, which carry none. */
    public String summary() {
        int questions = questionCount();
        double marks = maxScore();
        long descriptions = slots.stream().filter(Slot::textOnly).count();
        return "Each attempt gets " + questions + (questions == 1 ? " question" : " questions") + " worth "
                + BigDecimal.valueOf(marks).stripTrailingZeros().toPlainString() + (marks == 1 ? " mark" : " marks")
                + (descriptions == 0 ? "" : ", and " + descriptions + (descriptions == 1 ? " description" : " descriptions")
                + " with no marks") + ".";
    }
}
