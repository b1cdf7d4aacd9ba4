package com.trackagoat.compliance.snapshot.job;

import java.util.UUID;

import java.time.Instant;

import com.trackagoat.compliance.evaluation.Eligibility;
import com.trackagoat.compliance.evaluation.Evaluation;
import com.trackagoat.compliance.evaluation.Rejection;

/**
 * What a chunk writes for one goal: a snapshot row or a reject row, keyed by (goal, phase, as_of), or a
 * restatement row, keyed by (goal, final_as_of).
 */
public sealed interface SnapshotRecord {

    UUID goalId();

    /** A row of {@code goal_compliance_snapshots}; the close fields are set on final rows only. */
    record Snapshot(UUID goalId, UUID orgId, UUID projectId, UUID creatorId, String period,
                    Evaluation evaluation, String closeStatus, Long closeActual) implements SnapshotRecord {

        Snapshot with(Evaluation evaluation) {
            return new Snapshot(goalId, orgId, projectId, creatorId, period, evaluation, closeStatus, closeActual);
        }
    }

    /** A row of {@code goal_compliance_rejects}. */
    record Reject(UUID goalId, Rejection rejection) implements SnapshotRecord {
    }

    /** A row of {@code goal_compliance_restatements}: the final as paid and the result as known now. */
    record Restated(FinalRecord finalRecord, Evaluation evaluation, Eligibility eligibility) implements SnapshotRecord {

        @Override
        public UUID goalId() {
            return finalRecord.goalId();
        }
    }
}
