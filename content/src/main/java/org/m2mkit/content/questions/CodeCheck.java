package org.m2mkit.content.questions;

/**
 * How a code question's answer is checked.
 *
 * @param check   a boolean JShell expression (JSHELL) or a JUnit 5 test class's source (JUNIT)
 * @param starter code shown to the student to start from (may be empty)
 */
public record CodeCheck(Kind kind, String check, String starter) {

    public enum Kind { JSHELL, JUNIT }

    public CodeCheck {
        starter = starter == null ? "" : starter;
    }
}
