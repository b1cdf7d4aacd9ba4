package com.trackagoat.compliance.evaluation;

import java.util.Locale;

/** The API's goal status. */
public enum Status {
    ON_TRACK, BEHIND_PACE, AT_RISK, COMPLETED, MISSED;

    private final String code = name().toLowerCase(Locale.ROOT);

    public String code() {
        return code;
    }
}
