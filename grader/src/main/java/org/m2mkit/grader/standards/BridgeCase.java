package org.m2mkit.grader.standards;

import org.m2mkit.grader.standards.api.RegisterBlock;

/**
 * One test of the standards lab: a register block given to both translations, checked for one rule only. The
 * expected answers are not stored: the grader computes them with the {@link ReferenceBridge}.
 */
public record BridgeCase(String number, String name, StandardsRule rule, double points, boolean visible,
                         RegisterBlock block) {
}
