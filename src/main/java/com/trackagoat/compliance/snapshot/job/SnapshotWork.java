package com.trackagoat.compliance.snapshot.job;

import java.time.Instant;
import java.util.UUID;

import com.trackagoat.compliance.evaluation.CreatorActivity;
import com.trackagoat.compliance.evaluation.Phase;

/**
 * One item of a chunk: what to evaluate and at which instant, with the creator data fetched in bulk for the
 * chunk. The item carries its phase and as_of so that the processor needs no job parameters: it is then a
 * plain bean, not a step-scoped proxy that looked its target up on every item.
 */
public sealed interface SnapshotWork {

    /** The goal this item evaluates. */
    UUID goalId();

    /** The instant it is evaluated at. */
    Instant asOf();

    /** A close or nightly snapshot of a goal. */
    record OfGoal(DueGoal due, CreatorActivity activity, Phase phase, Instant asOf) implements SnapshotWork {

        @Override
        public UUID goalId() {
            return due.goal().id();
        }
    }

    /** A final snapshot settling a close. */
    record OfClose(CloseRecord close, CreatorActivity activity, Instant asOf) implements SnapshotWork {

        @Override
        public UUID goalId() {
            return close.goalId();
        }
    }

    /** A final checked for late videos at its restatement instant. */
    record OfFinal(FinalRecord record, CreatorActivity activity, Instant asOf) implements SnapshotWork {

        @Override
        public UUID goalId() {
            return record.goalId();
        }
    }
}
