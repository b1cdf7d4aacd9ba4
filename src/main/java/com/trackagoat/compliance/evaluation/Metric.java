package com.trackagoat.compliance.evaluation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a goal counts. Stored as text in {@code creator_goals.metric}. */
public enum Metric {
    POSTS, VIEWS, LIKES, COMMENTS, SHARES, ENGAGEMENT, FOLLOWERS;

    private static final Map<String, Metric> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toMap(Metric::code, constant -> constant));

    private final String code = name().toLowerCase(Locale.ROOT);

    /** The code used in the database and the API (and so in JSON), e.g. {@code "views"}. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The metric for a stored code; empty for null or anything unknown (codes are case-sensitive). */
    public static Optional<Metric> parse(String code) {
        return Optional.ofNullable(BY_CODE.get(code)); // a HashMap: null finds nothing
    }
}
