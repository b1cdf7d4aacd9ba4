package com.trackagoat.compliance.api.admin;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.trackagoat.compliance.body.UtcMillis;

/**
 * The {@code meta} of the admin API's answers about a range ({@code from}, {@code to}] or one instance: the range,
 * and for an action, whether it was a dry run and the id of its record in {@code GET /api/v1/admin/actions}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RangeMeta(@JsonProperty("from") @UtcMillis Instant from, @JsonProperty("to") @UtcMillis Instant to,
                 @JsonProperty("dry_run") Boolean dryRun, @JsonProperty("action_id") Long actionId) {

    static RangeMeta of(Instant from, Instant to) {
        return new RangeMeta(from, to, null, null);
    }

    static RangeMeta ofAction(long actionId) {
        return new RangeMeta(null, null, null, actionId);
    }
}
