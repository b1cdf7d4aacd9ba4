package com.trackagoat.compliance.api.compliance;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.trackagoat.compliance.body.ComplianceMeta;
import com.trackagoat.compliance.body.CreatorCompliance;
import com.trackagoat.compliance.body.Envelope;
import com.trackagoat.compliance.body.GoalCompliance;
import com.trackagoat.compliance.evaluation.Status;

/** Counts of goal-compliance bodies' results by status, and of those carrying an advisory. */
final class StatusCounts {

    private final Map<Status, Long> byStatus = new EnumMap<>(Status.class);
    private long withAdvisory;
    private long rejected;

    StatusCounts() {
        for (Status s : Status.values()) {
            byStatus.put(s, 0L);
        }
    }

    void add(Envelope<List<CreatorCompliance>, ComplianceMeta> body) {
        for (CreatorCompliance creator : body.data()) {
            for (GoalCompliance result : creator.compliance()) {
                byStatus.merge(result.status(), 1L, Long::sum);
                if (result.advisory().hasAdvisory()) {
                    withAdvisory++;
                }
            }
        }
        rejected += body.meta().rejected().size();
    }

    AggregateCounts counts() {
        return new AggregateCounts(byStatus.values().stream().mapToLong(Long::longValue).sum(),
                new AggregateCounts.ByStatus(byStatus.get(Status.ON_TRACK), byStatus.get(Status.BEHIND_PACE),
                        byStatus.get(Status.AT_RISK), byStatus.get(Status.COMPLETED), byStatus.get(Status.MISSED)),
                withAdvisory, rejected);
    }
}
