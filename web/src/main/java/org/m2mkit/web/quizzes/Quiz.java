package org.m2mkit.web.quizzes;

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

    /** A fixed question, or a random draw of {@code drawCount} questions carrying {@code tag}. */
    public record Slot(long id, int position, Long questionId, String tag, int drawCount, double mark) {
        public boolean isDraw() {
            return tag != null;
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

    /** How many questions an attempt holds. */
    public int questionCount() {
        return slots.stream().mapToInt(s -> s.isDraw() ? s.drawCount() : 1).sum();
    }

    public double maxScore() {
        return slots.stream().mapToDouble(s -> s.mark() * (s.isDraw() ? s.drawCount() : 1)).sum();
    }
}
