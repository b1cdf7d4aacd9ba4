package com.trackagoat.compliance.snapshot.catchup;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.trackagoat.compliance.system.GoalComplianceProperties;

/**
 * The snapshot job instances in the look-back whose last execution failed and that have not completed, for
 * the {@code snapshots} health component and the {@code goal_compliance_failing_instances} gauge.
 */
public class FailingInstances {

    private final SnapshotJobHistory history;
    private final RetryBackoff backoff;
    private final GoalComplianceProperties properties;
    private final Clock clock;

    FailingInstances(SnapshotJobHistory history, RetryBackoff backoff, GoalComplianceProperties properties,
                     Clock clock) {
        this.history = history;
        this.backoff = backoff;
        this.properties = properties;
        this.clock = clock;
    }

    /** Oldest first. */
    public List<FailedInstance> list() {
        return history.failing(clock.instant().minus(properties.getCatchUp().getLookBack()));
    }

    /** When {@code serve} runs it again. */
    public Instant retryAt(FailedInstance failed) {
        return backoff.retryAt(failed);
    }
}
