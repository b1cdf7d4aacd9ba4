package com.trackagoat.compliance.api.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.trackagoat.compliance.body.AdvisoryView;
import com.trackagoat.compliance.body.BodyJson;
import com.trackagoat.compliance.body.UtcMillis;
import com.trackagoat.compliance.evaluation.Metric;
import com.trackagoat.compliance.evaluation.Period;
import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.evaluation.Status;

/** One snapshot as the history endpoint returns it; {@code reference_date} is the day its {@code as_of} ends. */
record HistoryEntry(@JsonProperty("goal_id") UUID goalId, @JsonProperty("creator_id") UUID creatorId,
                    @JsonProperty("phase") Phase phase, @JsonProperty("as_of") @UtcMillis Instant asOf,
                    @JsonProperty("reference_date") LocalDate referenceDate, @JsonProperty("metric") Metric metric,
                    @JsonProperty("period") Period period, @JsonProperty("target") long target,
                    @JsonProperty("actual") long actual, @JsonProperty("percentage") int percentage,
                    @JsonProperty("status") Status status,
                    @JsonProperty("period_start") @UtcMillis Instant periodStart,
                    @JsonProperty("period_end") @UtcMillis Instant periodEnd,
                    @JsonProperty("has_advisory") boolean hasAdvisory,
                    @JsonProperty("advisory") AdvisoryView advisory,
                    @JsonProperty("close_status") Status closeStatus,
                    @JsonProperty("close_actual") Long closeActual) {

    /** A stored row: its codes were written by the job, so they parse. */
    static HistoryEntry of(HistoryRow r, ZoneId zone) {
        return new HistoryEntry(r.goalId(), r.creatorId(), Phase.parse(r.phase()).orElseThrow(), r.asOf(),
                r.asOf().atZone(zone).toLocalDate().minusDays(1), Metric.parse(r.metric()).orElseThrow(),
                Period.parse(r.period()).orElseThrow(), r.target(), r.actual(), r.percentage(),
                Status.parse(r.status()).orElseThrow(), r.periodStart(), r.periodEnd(), r.hasAdvisory(),
                BodyJson.advisory(r.advisory()), Status.parse(r.closeStatus()).orElse(null), r.closeActual());
    }
}
