package org.m2mkit.content.questions;

/** Runs a code question's check against a student's code, away from the caller (in a sandboxed child JVM). */
@FunctionalInterface
public interface CodeChecker {

    /** The grade: 1 when the check passes, 0 with the reason as feedback when it does not. */
    Grade check(CodeCheck check, String source);
}
