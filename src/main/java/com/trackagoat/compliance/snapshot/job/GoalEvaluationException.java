package com.trackagoat.compliance.snapshot.job;

import java.util.UUID;

/**
 * An unexpected error evaluating one goal (a bug, or data no rule foresaw), as opposed to an infrastructure
 * failure: the step skips it and the goal becomes an {@code evaluation_failed} reject (see EvaluationFailures).
 */
class GoalEvaluationException extends RuntimeException {

    /** Long enough for a class name and its message, short enough for the detail of a reject row. */
    private static final int MAX_DETAIL = 300;

    private final UUID goalId;

    GoalEvaluationException(UUID goalId, RuntimeException cause) {
        super("goal " + goalId + " failed to evaluate", cause);
        this.goalId = goalId;
    }

    UUID goalId() {
        return goalId;
    }

    /** The reject's detail: names the exception and its message, e.g. "evaluation failed: java.lang.ArithmeticException: / by zero". */
    String detail() {
        String detail = "evaluation failed: " + getCause();
        return detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "…";
    }
}
