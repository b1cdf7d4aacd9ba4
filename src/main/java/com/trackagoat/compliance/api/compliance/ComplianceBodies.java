package com.trackagoat.compliance.api.compliance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.trackagoat.compliance.api.ApiProject;
import com.trackagoat.compliance.body.ComplianceMeta;
import com.trackagoat.compliance.body.CreatorCompliance;
import com.trackagoat.compliance.body.Envelope;
import com.trackagoat.compliance.evaluation.Period;
import com.trackagoat.compliance.report.ComplianceReport;

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

    public Envelope<List<CreatorCompliance>, ComplianceMeta> body(ApiProject project, Optional<UUID> creator,
                                                                  Optional<Period> period,
                                                                  Optional<LocalDate> referenceDate) {
        LocalDate today = clock.instant().atZone(project.zone()).toLocalDate();
        if (referenceDate.isPresent() && referenceDate.get().isBefore(today)) {
            Instant endOfDay = referenceDate.get().plusDays(1).atStartOfDay(project.zone()).toInstant();
            var recorded = snapshots.build(project, creator, period, referenceDate.get(), endOfDay);
            if (recorded.isPresent()) {
                return Envelope.of(recorded.get().data(), recorded.get().meta().from("snapshot", endOfDay));
            }
        }
        var live = report.build(project.id(), creator, period, referenceDate, Optional.empty());
        return Envelope.of(live.data(), live.meta().from("live", null));
    }
}
