package com.trackagoat.compliance.snapshot.catchup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;

/** What one catch-up has done so far, and which closes (finals) its finals (restatements) must wait for. Not thread-safe. */
final class CatchUpTally {

    private final Instant since;
    private final Instant until;
    private final int due;
    private int ran;
    private int alreadyComplete;
    private final List<SnapshotJobParameters> failures = new ArrayList<>();
    private final List<SnapshotJobParameters> waiting = new ArrayList<>();
    private final List<SnapshotJobParameters> retryLater = new ArrayList<>();
    /**
     * Closes and finals that failed in this run, wait for their retry or (finals) wait themselves: the finals
     * and restatements that follow them are not run.
     */
    private final Set<SnapshotJobParameters> blockedCloses = new HashSet<>();
    private Optional<Instant> nextRetry = Optional.empty();
    private final Map<SnapshotJobParameters, String> reasons = new HashMap<>();

    CatchUpTally(Instant since, Instant until, int due, int alreadyComplete) {
        this.since = since;
        this.until = until;
        this.due = due;
        this.alreadyComplete = alreadyComplete;
    }

    void ran() {
        ran++;
    }

    void alreadyComplete() {
        alreadyComplete++;
    }

    void failed(SnapshotJobParameters instance) {
        failures.add(instance);
        block(instance);
    }

    void waiting(SnapshotJobParameters instance) {
        waiting.add(instance);
        block(instance);
    }

    void retryLater(SnapshotJobParameters instance) {
        retryLater.add(instance);
        block(instance);
    }

    /** Keeps the exit message of each instance that failed in this run. */
    void reasons(Map<SnapshotJobParameters, FailedInstance> failing) {
        for (SnapshotJobParameters instance : failures) {
            FailedInstance failed = failing.get(instance);
            if (failed != null && !failed.reason().isEmpty()) {
                reasons.put(instance, failed.reason());
            }
        }
    }

    void nextRetry(Optional<Instant> at) {
        nextRetry = at;
    }

    boolean isBlocked(SnapshotJobParameters prerequisite) {
        return blockedCloses.contains(prerequisite);
    }

    boolean hasFailures() {
        return !failures.isEmpty();
    }

    CatchUp.Summary build(CatchUp.Ending ending) {
        return new CatchUp.Summary(since, until, due, ran, alreadyComplete, List.copyOf(failures),
                Map.copyOf(reasons), List.copyOf(waiting), List.copyOf(retryLater), nextRetry, ending);
    }

    private void block(SnapshotJobParameters instance) {
        if (instance.phase() == Phase.CLOSE || instance.phase() == Phase.FINAL) {
            blockedCloses.add(instance);
        }
    }
}
