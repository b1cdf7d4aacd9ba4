package com.trackagoat.compliance.evaluation;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a settled result means for payouts (compliance.md "Payout eligibility"). */
public enum Eligibility {
    ELIGIBLE, NEEDS_REVIEW, INELIGIBLE;

    private final String code = name().toLowerCase(Locale.ROOT);

    /** The code in the database and the API (and so in JSON). */
    @JsonValue
    public String code() {
        return code;
    }

    /** Completed pays; a miss on stale stats may be an undercount and needs review; a miss on fresh ones does not pay. */
    public static Eligibility of(Status status, boolean scrapeStale) {
        return status == Status.COMPLETED ? ELIGIBLE : scrapeStale ? NEEDS_REVIEW : INELIGIBLE;
    }
}
