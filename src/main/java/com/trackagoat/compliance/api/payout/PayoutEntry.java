package com.trackagoat.compliance.api.payout;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.trackagoat.compliance.body.UtcMillis;
import com.trackagoat.compliance.evaluation.Metric;
import com.trackagoat.compliance.evaluation.Period;
import com.trackagoat.compliance.evaluation.Status;

/** A final snapshot as the payout endpoint returns it; {@code period_end_date} is the period's last local day. */
record PayoutEntry(@JsonProperty("goal_id") UUID goalId, @JsonProperty("creator_id") UUID creatorId,
                   @JsonProperty("metric") Metric metric, @JsonProperty("period") Period period,
                   @JsonProperty("period_start") @UtcMillis Instant periodStart,
                   @JsonProperty("period_end") @UtcMillis Instant periodEnd,
                   @JsonProperty("period_end_date") LocalDate periodEndDate,
                   @JsonProperty("target") long target, @JsonProperty("actual") long actual,
                   @JsonProperty("status") Status status, @JsonProperty("eligibility") String eligibility,
                   @JsonProperty("close_status") Status closeStatus, @JsonProperty("close_actual") Long closeActual,
                   @JsonProperty("changed_since_close") boolean changedSinceClose,
                   @JsonProperty("as_of") @UtcMillis Instant asOf,
                   @JsonProperty("restatement") PayoutRestatement restatement) {

    /** A row of the view: its codes were written by the job, so they parse. */
    static PayoutEntry of(PayoutRow r, ZoneId zone) {
        return new PayoutEntry(r.goalId(), r.creatorId(), Metric.parse(r.metric()).orElseThrow(),
                Period.parse(r.period()).orElseThrow(), r.periodStart(), r.periodEnd(),
                r.periodEnd().atZone(zone).toLocalDate(), r.target(), r.actual(),
                Status.parse(r.status()).orElseThrow(), r.eligibility(), Status.parse(r.closeStatus()).orElse(null),
                r.closeActual(), r.changedSinceClose(), r.asOf(), r.restatement());
    }
}
