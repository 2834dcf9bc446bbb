package org.m2mkit.web.quizzes;

/** When a student sees marks, right answers and feedback. */
public enum FeedbackTiming {
    /** Each question can be checked during the attempt (its answer is then locked); everything shows on submit. */
    IMMEDIATE("Immediately (check each question)"),
    /** Marks and feedback show as soon as the attempt is submitted. */
    AFTER_SUBMISSION("After submission"),
    /** Marks and feedback show once the quiz has closed. */
    AFTER_CLOSE("After the quiz closes");

    private final String label;

    FeedbackTiming(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
