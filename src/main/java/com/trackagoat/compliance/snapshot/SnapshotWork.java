package com.trackagoat.compliance.snapshot;

import com.trackagoat.compliance.evaluation.CreatorActivity;

/** One item of a chunk: what to evaluate, with the creator data fetched in bulk for the chunk. */
sealed interface SnapshotWork {

    /** A close or nightly snapshot of a goal. */
    record OfGoal(DueGoal due, CreatorActivity activity) implements SnapshotWork {
    }

    /** A final snapshot settling a close. */
    record OfClose(CloseRecord close, CreatorActivity activity) implements SnapshotWork {
    }
}
