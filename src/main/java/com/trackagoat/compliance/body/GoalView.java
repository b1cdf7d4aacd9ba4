package com.trackagoat.compliance.body;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.trackagoat.compliance.evaluation.Goal;
import com.trackagoat.compliance.evaluation.Metric;
import com.trackagoat.compliance.evaluation.Period;

/** A goal as the body shows it. */
public record GoalView(@JsonProperty("id") UUID id, @JsonProperty("creator_id") UUID creatorId,
                       @JsonProperty("project_id") UUID projectId, @JsonProperty("metric") Metric metric,
                       @JsonProperty("period") Period period, @JsonProperty("target_value") long targetValue,
                       @JsonProperty("start_date") LocalDate startDate, @JsonProperty("end_date") LocalDate endDate,
                       @JsonProperty("is_active") boolean isActive) {

    /** Goals of a creator in the body's order: period (daily, weekly, monthly), metric, id. */
    public static final Comparator<Goal> ORDER = Comparator
            .comparing((Goal g) -> Period.parse(g.period()).map(Enum::ordinal).orElse(Integer.MAX_VALUE))
            .thenComparing(g -> String.valueOf(g.metric()))
            .thenComparing(Goal::id);

    /** An evaluated goal: its metric, period and target passed validation, so they parse. */
    public static GoalView of(Goal goal) {
        return new GoalView(goal.id(), goal.creatorId(), goal.projectId(), Metric.parse(goal.metric()).orElseThrow(),
                Period.parse(goal.period()).orElseThrow(), goal.targetValue(), goal.startDate(), goal.endDate(),
                goal.active());
    }
}
