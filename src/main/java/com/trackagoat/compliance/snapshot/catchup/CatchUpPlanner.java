package com.trackagoat.compliance.snapshot.catchup;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;
import com.trackagoat.compliance.source.ScheduledZones;

/**
 * Which snapshot job instances are due in {@code (since, until]}: a close and a nightly at every midnight of
 * every schedule, and a final one settle delay after each close that has run or will run in this plan. Oldest
 * first; at one instant closes before finals before nightlies.
 */
final class CatchUpPlanner {

    private CatchUpPlanner() {
    }

    static List<SnapshotJobParameters> plan(ScheduledZones zones, Instant since, Instant until, Duration settleDelay,
                                            Set<Instant> completedCloses) {
        Set<SnapshotJobParameters> due = new LinkedHashSet<>();
        for (Instant midnight : zones.midnightsBetween(since.minus(settleDelay), until)) {
            boolean inRange = midnight.isAfter(since);
            if (inRange) {
                due.add(new SnapshotJobParameters(Phase.CLOSE, midnight));
                due.add(new SnapshotJobParameters(Phase.NIGHTLY, midnight));
            }
            Instant settles = midnight.plus(settleDelay);
            if (settles.isAfter(since) && !settles.isAfter(until) && (inRange || completedCloses.contains(midnight))) {
                due.add(new SnapshotJobParameters(Phase.FINAL, settles));
            }
        }
        return due.stream().sorted(ORDER).toList();
    }

    static final Comparator<SnapshotJobParameters> ORDER = Comparator.comparing(SnapshotJobParameters::asOf)
            .thenComparing(SnapshotJobParameters::phase);
}
