package org.m2mkit.web.quizzes;

import java.util.List;

/** How a student's attempts at one quiz make one grade. */
public enum GradingMethod {
    HIGHEST("Highest attempt"), LAST("Last attempt"), AVERAGE("Average of attempts");

    private final String label;

    GradingMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The grade from the attempts' scores in the order they were submitted; null when there is none. */
    public Double apply(List<Double> scores) {
        List<Double> graded = scores.stream().filter(s -> s != null).toList();
        if (graded.isEmpty()) {
            return null;
        }
        return switch (this) {
            case HIGHEST -> graded.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            case LAST -> graded.get(graded.size() - 1);
            case AVERAGE -> graded.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        };
    }
}
