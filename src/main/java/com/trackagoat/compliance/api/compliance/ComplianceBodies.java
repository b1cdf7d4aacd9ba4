package com.trackagoat.compliance.api.compliance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.trackagoat.compliance.api.ApiProject;
import com.trackagoat.compliance.evaluation.Period;
import com.trackagoat.compliance.json.ComplianceJson;
import com.trackagoat.compliance.report.ComplianceReport;

import tools.jackson.databind.node.ObjectNode;

/**
 * Which body a reference date gets. Today (and any later date) is evaluated live by the {@code report}
 * command's own code. A past date is answered from the snapshots taken at its end (the next local
 * midnight), so that history shows what was recorded then; where there are none, it is evaluated live.
 * {@code meta.source} says which ({@code "snapshot"} also gives {@code meta.as_of}).
 */
@Component
public class ComplianceBodies {

    private final ComplianceReport report;
    private final SnapshotReport snapshots;
    private final Clock clock;

    ComplianceBodies(ComplianceReport report, SnapshotReport snapshots, Clock clock) {
        this.report = report;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    public ObjectNode body(ApiProject project, Optional<UUID> creator, Optional<Period> period,
                           Optional<LocalDate> referenceDate) {
        LocalDate today = clock.instant().atZone(project.zone()).toLocalDate();
        if (referenceDate.isPresent() && referenceDate.get().isBefore(today)) {
            Instant endOfDay = referenceDate.get().plusDays(1).atStartOfDay(project.zone()).toInstant();
            Optional<ObjectNode> recorded = snapshots.build(project, creator, period, referenceDate.get(), endOfDay);
            if (recorded.isPresent()) {
                ObjectNode meta = (ObjectNode) recorded.get().get("meta");
                meta.put("source", "snapshot");
                meta.put("as_of", ComplianceJson.instant(endOfDay));
                return recorded.get();
            }
        }
        ObjectNode live = report.build(project.id(), creator, period, referenceDate, Optional.empty());
        ((ObjectNode) live.get("meta")).put("source", "live");
        return live;
    }
}
