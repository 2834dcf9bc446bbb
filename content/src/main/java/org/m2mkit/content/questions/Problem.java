package org.m2mkit.content.questions;

/**
 * Something wrong in an imported file.
 *
 * @param line     1-based line in the file (0 when the file as a whole is wrong)
 * @param question the question's name, or the start of its text when it has no name; empty when none
 */
public record Problem(int line, String question, String message) {

    @Override
    public String toString() {
        String where = line > 0 ? "line " + line : "file";
        return question.isEmpty() ? where + ": " + message : where + " (question \"" + question + "\"): " + message;
    }
}
