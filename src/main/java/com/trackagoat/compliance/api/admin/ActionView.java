package com.trackagoat.compliance.api.admin;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.trackagoat.compliance.body.UtcMillis;
import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;

/**
 * One admin action as {@code GET /api/v1/admin/actions} lists it: the key, the action, its instance
 * ({@code phase}, {@code as_of}) or range ({@code from}, {@code to}), its outcome, and when.
 */
record ActionView(@JsonProperty("id") long id, @JsonProperty("key_id") UUID keyId,
                  @JsonProperty("key_name") String keyName, @JsonProperty("action") String action,
                  @JsonProperty("phase") Phase phase, @JsonProperty("as_of") @UtcMillis Instant asOf,
                  @JsonProperty("from") @UtcMillis Instant from, @JsonProperty("to") @UtcMillis Instant to,
                  @JsonProperty("outcome") String outcome, @JsonProperty("detail") String detail,
                  @JsonProperty("acted_at") @UtcMillis Instant actedAt,
                  @JsonProperty("finished_at") @UtcMillis Instant finishedAt) {

    static ActionView of(AdminAction a) {
        return new ActionView(a.id(), a.keyId(), a.keyName(), a.kind().code(),
                a.target().instance().map(SnapshotJobParameters::phase).orElse(null),
                a.target().instance().map(SnapshotJobParameters::asOf).orElse(null), a.target().from().orElse(null),
                a.target().to().orElse(null), a.outcome(), a.detail(), a.actedAt(), a.finishedAt().orElse(null));
    }
}
