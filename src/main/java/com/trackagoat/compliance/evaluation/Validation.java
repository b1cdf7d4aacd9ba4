package com.trackagoat.compliance.evaluation;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The reject reasons that can be decided from the goal row alone, checked in the spec's precedence order. */
final class Validation {

    private static final String METRIC_CODES = Arrays.stream(Metric.values())
            .map(Metric::code).collect(Collectors.joining(", "));

    private Validation() {
    }

    static Optional<Rejection> validate(Goal goal, String timezone, boolean creatorExists) {
        if (GoalEvaluator.zoneOf(timezone).isEmpty()) {
            return reject(RejectReason.INVALID_TIMEZONE, timezone == null
                    ? "timezone is null" : "timezone '" + timezone + "' is not an IANA time zone");
        }
        if (Period.parse(goal.period()).isEmpty()) {
            return reject(RejectReason.UNKNOWN_PERIOD, goal.period() == null
                    ? "period is null" : "period '" + goal.period() + "' is not daily, weekly or monthly");
        }
        if (goal.startDate() != null && goal.endDate() != null && goal.endDate().isBefore(goal.startDate())) {
            return reject(RejectReason.INVALID_DATE_RANGE,
                    "end_date " + goal.endDate() + " is before start_date " + goal.startDate());
        }
        if (!creatorExists) {
            return reject(RejectReason.MISSING_CREATOR, "creator " + goal.creatorId() + " does not exist");
        }
        if (goal.targetValue() == null || goal.targetValue() <= 0) {
            return reject(RejectReason.INVALID_TARGET, "target_value is " + goal.targetValue());
        }
        if (Metric.parse(goal.metric()).isEmpty()) {
            return reject(RejectReason.UNKNOWN_METRIC, goal.metric() == null
                    ? "metric is null" : "metric '" + goal.metric() + "' is not one of " + METRIC_CODES);
        }
        return Optional.empty();
    }

    private static Optional<Rejection> reject(RejectReason reason, String detail) {
        return Optional.of(new Rejection(reason, detail));
    }
}
