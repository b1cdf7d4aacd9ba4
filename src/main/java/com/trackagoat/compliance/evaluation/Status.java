package com.trackagoat.compliance.evaluation;

import java.util.Locale;

/** The API's goal status. */
public enum Status {
    ON_TRACK, BEHIND_PACE, AT_RISK, COMPLETED, MISSED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
