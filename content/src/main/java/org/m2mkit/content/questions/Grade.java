package org.m2mkit.content.questions;

import java.util.List;

/**
 * The outcome of scoring one response.
 *
 * @param fraction the share of the question's marks earned, from 0 to 1; null while it waits for an instructor
 *                 (essays, and code questions that no checker has run)
 * @param feedback the feedback of every answer the response matched, in order
 */
public record Grade(Double fraction, List<String> feedback) {

    public Grade {
        feedback = feedback.stream().filter(f -> f != null && !f.isBlank()).toList();
        if (fraction != null) {
            fraction = Math.max(0.0, Math.min(1.0, fraction));
        }
    }

    public static Grade of(double fraction, String... feedback) {
        return new Grade(fraction, List.of(feedback));
    }

    public static Grade manual(String... feedback) {
        return new Grade(null, List.of(feedback));
    }

    public static final Grade ZERO = new Grade(0.0, List.of());

    public boolean needsManualGrading() {
        return fraction == null;
    }
}
