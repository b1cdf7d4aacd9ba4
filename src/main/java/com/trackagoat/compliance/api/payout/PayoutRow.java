package com.trackagoat.compliance.api.payout;

import java.time.Instant;
import java.util.UUID;

/** One row of the {@code payout_eligibility} view (a final snapshot) with its restatement, or null. */
record PayoutRow(UUID goalId, UUID creatorId, String metric, String period, Instant periodStart,
                 Instant periodEnd, long target, long actual, String status, String eligibility, Instant asOf,
                 String closeStatus, Long closeActual, PayoutRestatement restatement) {

    /** Whether the final settled differently from the provisional close (late posts, late scrapes). */
    boolean changedSinceClose() {
        return !status.equals(closeStatus) || closeActual == null || actual != closeActual;
    }
}
