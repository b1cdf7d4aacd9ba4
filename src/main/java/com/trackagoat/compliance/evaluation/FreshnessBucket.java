package com.trackagoat.compliance.evaluation;

import java.util.Locale;

/** Age class of a creator's latest successful stats scrape. */
public enum FreshnessBucket {
    FRESH, TURNING_STALE, OVERDUE, NEVER;

    private final String code = name().toLowerCase(Locale.ROOT);

    public String code() {
        return code;
    }
}
