package com.trackagoat.compliance.body;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.trackagoat.compliance.evaluation.RejectReason;

/** A goal that could not be evaluated, in {@code meta.rejected}. */
public record RejectedGoal(@JsonProperty("goal_id") UUID goalId, @JsonProperty("reason") RejectReason reason,
                           @JsonProperty("detail") String detail) {
}
