package com.trackagoat.compliance.snapshot.catchup;

import java.time.Instant;

import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;

/**
 * A snapshot job instance whose last execution failed and that has never completed.
 *
 * @param instance     its phase and as_of
 * @param failures     how many of its executions failed (stopped ones do not count): the retry delay grows with it
 * @param lastFailedAt when its last execution ended
 * @param exitMessage  its last execution's exit message, as Spring Batch stored it (often a stack trace)
 */
public record FailedInstance(SnapshotJobParameters instance, int failures, Instant lastFailedAt, String exitMessage) {

    private static final int REASON_LENGTH = 300;

    /**
     * One line for people: the exit message's first, which {@code FailureCauseListener} makes the telling cause
     * of the failure; shortened.
     */
    public String reason() {
        String first = exitMessage == null ? "" : exitMessage.lines().findFirst().orElse("").strip();
        return first.length() <= REASON_LENGTH ? first : first.substring(0, REASON_LENGTH - 1) + "…";
    }
}
