package com.trackagoat.compliance.evaluation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a goal counts. Stored as text in {@code creator_goals.metric}. */
public enum Metric {
    POSTS, VIEWS, LIKES, COMMENTS, SHARES, ENGAGEMENT, FOLLOWERS;

    /** The code used in the database and the API, e.g. {@code "views"}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The metric for a stored code; empty for null or anything unknown (codes are case-sensitive). */
    public static Optional<Metric> parse(String code) {
        return Arrays.stream(values()).filter(m -> m.code().equals(code)).findFirst();
    }
}
