package com.trackagoat.compliance.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.trackagoat.compliance.evaluation.Evaluation;
import com.trackagoat.compliance.evaluation.Goal;
import com.trackagoat.compliance.evaluation.Status;

/** One goal's result: the goal, its progress, status and advisory. */
public record GoalCompliance(@JsonProperty("goal") GoalView goal, @JsonProperty("target") long target,
                             @JsonProperty("actual") long actual, @JsonProperty("percentage") int percentage,
                             @JsonProperty("status") Status status, @JsonProperty("advisory") AdvisoryView advisory) {

    /** A goal's evaluation as the body shows it. */
    public static GoalCompliance of(Goal goal, Evaluation evaluation) {
        return new GoalCompliance(GoalView.of(goal), evaluation.terms().target(), evaluation.actual(),
                evaluation.percentage(), evaluation.status(), AdvisoryView.of(evaluation.advisory()));
    }
}
