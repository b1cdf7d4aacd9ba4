package com.trackagoat.compliance.api.history;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code goal_compliance_snapshots}, as the history endpoint returns it. */
record HistoryRow(UUID goalId, UUID creatorId, String phase, Instant asOf, String metric, String period,
                  long target, long actual, int percentage, String status, Instant periodStart,
                  Instant periodEnd, boolean hasAdvisory, String advisory, String closeStatus, Long closeActual) {
}
