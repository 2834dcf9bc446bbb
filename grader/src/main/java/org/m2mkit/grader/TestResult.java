package org.m2mkit.grader;

/**
 * The verdict on one test, decided by the grader.
 *
 * @param name     what the test checks, with its rule
 * @param number   its number in the suite, like "1.3" (rule 1, third test)
 * @param rule     the spec's rule or topic it belongs to
 * @param score    points won
 * @param maxScore points at stake
 * @param message  what went right or wrong; for hidden tests it never holds expected values
 * @param visible  whether students see the test's inputs and expected values (visible tests are in the starter kit)
 * @param printed  what the submission printed during the test (cut)
 */
public record TestResult(String name, String number, String rule, double score, double maxScore, String message,
                         boolean visible, String printed) {
    public boolean passed() {
        return score >= maxScore - 1e-9;
    }
}
