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
 * every schedule, a final one settle delay after each close that has run or will run in this plan, and a
 * restatement one restatement delay after each final that has run or will run in this plan. Oldest first; at
 * one instant closes before finals before nightlies before restatements.
 */
final class CatchUpPlanner {

    private CatchUpPlanner() {
    }

    static List<SnapshotJobParameters> plan(ScheduledZones zones, Instant since, Instant until, Duration settleDelay,
                                            Duration restatementDelay, Set<Instant> completedCloses,
                                            Set<Instant> completedFinals) {
        Set<SnapshotJobParameters> due = new LinkedHashSet<>();
        for (Instant midnight : zones.midnightsBetween(since.minus(settleDelay).minus(restatementDelay), until)) {
            boolean inRange = midnight.isAfter(since);
            if (inRange) {
                due.add(new SnapshotJobParameters(Phase.CLOSE, midnight));
                due.add(new SnapshotJobParameters(Phase.NIGHTLY, midnight));
            }
            Instant settles = midnight.plus(settleDelay);
            boolean finalDue = within(settles, since, until) && (inRange || completedCloses.contains(midnight));
            if (finalDue) {
                due.add(new SnapshotJobParameters(Phase.FINAL, settles));
            }
            Instant restates = settles.plus(restatementDelay);
            if (within(restates, since, until) && (finalDue || completedFinals.contains(settles))) {
                due.add(new SnapshotJobParameters(Phase.RESTATEMENT, restates));
            }
        }
        return due.stream().sorted(ORDER).toList();
    }

    private static boolean within(Instant instant, Instant since, Instant until) {
        return instant.isAfter(since) && !instant.isAfter(until);
    }

    static final Comparator<SnapshotJobParameters> ORDER = Comparator.comparing(SnapshotJobParameters::asOf)
            .thenComparing(SnapshotJobParameters::phase);
}
