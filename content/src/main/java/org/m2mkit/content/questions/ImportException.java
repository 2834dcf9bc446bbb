package org.m2mkit.content.questions;

import java.util.List;
import java.util.stream.Collectors;

/** A question file has problems; nothing of it was taken. Lists every problem found, in file order. */
public class ImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public ImportException(String source, List<Problem> problems) {
        super(source + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ", nothing imported:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
