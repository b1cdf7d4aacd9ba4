package com.trackagoat.compliance.evaluation;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a goal could not be evaluated; declared in precedence order (the first that applies wins). */
public enum RejectReason {
    INVALID_TIMEZONE, UNKNOWN_PERIOD, INVALID_DATE_RANGE, MISSING_CREATOR, INVALID_TARGET, UNKNOWN_METRIC, INVALID_DATA,
    /** Anything else that went wrong evaluating one goal: decided by the snapshot job, never by the evaluator. */
    EVALUATION_FAILED;

    private final String code = name().toLowerCase(Locale.ROOT);

    /** The code in the database and the API (and so in JSON). */
    @JsonValue
    public String code() {
        return code;
    }

    /**
     * Reasons that make a goal unschedulable: such a goal is rejected in the nightly phase at every
     * midnight of its schedule, whatever its dates.
     */
    public boolean rejectsEveryMidnight() {
        return ordinal() <= MISSING_CREATOR.ordinal();
    }
}
