package com.trackagoat.compliance.api.compliance;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.trackagoat.compliance.evaluation.Period;

/**
 * The aggregate endpoint's {@code meta}: the filters, how many projects were counted, and where their
 * bodies came from ({@code live}, {@code snapshot} or {@code mixed}).
 */
record AggregateMeta(@JsonProperty("org_tz") String orgTz, @JsonProperty("reference_date") LocalDate referenceDate,
                     @JsonProperty("project_id") UUID projectId, @JsonProperty("period") Period period,
                     @JsonProperty("projects") int projects, @JsonProperty("source") String source) {
}
