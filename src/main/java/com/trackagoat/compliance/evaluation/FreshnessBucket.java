package com.trackagoat.compliance.evaluation;

import java.util.Locale;

/** Age class of a creator's latest successful stats scrape. */
public enum FreshnessBucket {
    FRESH, TURNING_STALE, OVERDUE, NEVER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
