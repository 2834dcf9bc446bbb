package org.m2mkit.grader.compile;

import java.util.List;
import java.util.Map;

/**
 * What compiling a submission gave: either the class files and the name of the class to grade, or the reasons
 * it cannot be graded (compiler messages with file and line, or a missing or doubled required class).
 */
public record CompileOutcome(Map<String, byte[]> classes, String mainClass, List<String> problems, List<String> warnings) {
    public boolean gradable() {
        return problems.isEmpty() && mainClass != null;
    }
}
