package com.trackagoat.compliance.evaluation;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Age class of a creator's latest successful stats scrape. */
public enum FreshnessBucket {
    FRESH, TURNING_STALE, OVERDUE, NEVER;

    private final String code = name().toLowerCase(Locale.ROOT);

    /** The code in the database and the API (and so in JSON). */
    @JsonValue
    public String code() {
        return code;
    }
}
