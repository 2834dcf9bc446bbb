package org.m2mkit.content.questions;

/**
 * One answer of a choice or short-answer question.
 *
 * @param percent the credit in percent of the question's marks: 100 for a right answer, 0 for a wrong one,
 *                anything between -100 and 100 for weighted answers
 */
public record Choice(String text, double percent, String feedback) {

    public Choice {
        feedback = feedback == null ? "" : feedback;
    }

    public static Choice right(String text) {
        return new Choice(text, 100, "");
    }

    public static Choice wrong(String text) {
        return new Choice(text, 0, "");
    }
}
