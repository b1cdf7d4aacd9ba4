package com.trackagoat.compliance.api.admin;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;

/** One row of {@code admin_actions}: who did what, on which instance or range, and how it ended. */
record AdminAction(long id, UUID keyId, String keyName, Kind kind, Target target, String outcome, String detail,
                   Instant actedAt, Optional<Instant> finishedAt) {

    /** What an admin asked for. */
    enum Kind {
        RESUME, RERUN, BACKFILL, BACKFILL_DRY_RUN;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    /** What the action was on: one instance, or the instances of a range (from, to]. */
    record Target(Optional<SnapshotJobParameters> instance, Optional<Instant> from, Optional<Instant> to) {

        static Target of(SnapshotJobParameters instance) {
            return new Target(Optional.of(instance), Optional.empty(), Optional.empty());
        }

        static Target range(Instant from, Instant to) {
            return new Target(Optional.empty(), Optional.of(from), Optional.of(to));
        }
    }

    /** How an action ended: its outcome code and the detail that explains it. */
    record Outcome(String code, String detail) {

        static final String ACCEPTED = "accepted";
        static final String REFUSED = "refused";
        static final String LISTED = "listed";
    }
}
