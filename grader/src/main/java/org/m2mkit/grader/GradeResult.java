package org.m2mkit.grader;

import java.util.List;

/**
 * The outcome of grading one submission.
 *
 * @param lab                  the lab graded
 * @param gradable             false when the submission could not be graded (compile error, missing or doubled
 *                             class): no points won or lost and no attempt used
 * @param score                points won, out of {@code maxScore}
 * @param maxScore             points at stake (100)
 * @param executionTimeSeconds wall time of the grading
 * @param output               a summary for the student (compiler messages when not gradable)
 * @param tests                every test's verdict, in suite order (empty when not gradable)
 * @param sandbox              how the submission's code was confined
 */
public record GradeResult(Lab lab, boolean gradable, double score, double maxScore, double executionTimeSeconds,
                          String output, List<TestResult> tests, String sandbox) {

    /** Score as a fraction in [0, 1], as PrairieLearn wants it. */
    public double fraction() {
        return maxScore == 0 ? 0 : Math.max(0, Math.min(1, score / maxScore));
    }
}
