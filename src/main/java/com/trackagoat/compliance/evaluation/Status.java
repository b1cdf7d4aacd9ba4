package com.trackagoat.compliance.evaluation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** The API's goal status. */
public enum Status {
    ON_TRACK, BEHIND_PACE, AT_RISK, COMPLETED, MISSED;

    private final String code = name().toLowerCase(Locale.ROOT);

    /** The code in the database and the API (and so in JSON). */
    @JsonValue
    public String code() {
        return code;
    }

    /** The status of a stored code; empty for null or anything unknown. */
    public static Optional<Status> parse(String code) {
        return code == null ? Optional.empty() : Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
