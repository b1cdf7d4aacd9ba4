package com.trackagoat.compliance.body;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The goal-compliance body's {@code meta}. {@code source} ({@code live} or {@code snapshot}) and
 * {@code as_of} (the snapshots' instant) are the read API's: the {@code report} command prints neither.
 */
public record ComplianceMeta(
        @JsonProperty("org_tz") String orgTz,
        @JsonProperty("reference_date") LocalDate referenceDate,
        @JsonProperty("rejected") List<RejectedGoal> rejected,
        @JsonProperty("source") @JsonInclude(JsonInclude.Include.NON_NULL) String source,
        @JsonProperty("as_of") @JsonInclude(JsonInclude.Include.NON_NULL) @UtcMillis Instant asOf) {

    public ComplianceMeta(String orgTz, LocalDate referenceDate, List<RejectedGoal> rejected) {
        this(orgTz, referenceDate, rejected, null, null);
    }

    /** This meta saying where the body came from. */
    public ComplianceMeta from(String source, Instant asOf) {
        return new ComplianceMeta(orgTz, referenceDate, rejected, source, asOf);
    }
}
