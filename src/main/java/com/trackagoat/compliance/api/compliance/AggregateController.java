package com.trackagoat.compliance.api.compliance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.trackagoat.compliance.api.ApiProject;
import com.trackagoat.compliance.api.ProjectAccess;
import com.trackagoat.compliance.api.QueryParameters;
import com.trackagoat.compliance.api.key.ApiCaller;
import com.trackagoat.compliance.api.key.ApiKeyFilter;
import com.trackagoat.compliance.body.Envelope;
import com.trackagoat.compliance.evaluation.GoalEvaluator;
import com.trackagoat.compliance.evaluation.Period;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET /api/v1/analytics/aggregate/goal-compliance}: counts by status over the caller's organization
 * (or one of its projects), counted from the very bodies the per-project endpoint returns, so the two can
 * never disagree.
 */
@Tag(name = "Aggregate Analytics")
@RestController
class AggregateController {

    private final ProjectAccess projects;
    private final ComplianceBodies bodies;
    private final Clock clock;

    AggregateController(ProjectAccess projects, ComplianceBodies bodies, Clock clock) {
        this.projects = projects;
        this.bodies = bodies;
        this.clock = clock;
    }

    @Operation(summary = "Goal-compliance counts by status for the caller's organization",
            description = "data: total, by_status (on_track, behind_pace, at_risk, completed, missed), "
                    + "with_advisory (has_advisory true) and rejected (goals that cannot be evaluated). "
                    + "meta.source: live, snapshot, or mixed when projects were answered differently.")
    @GetMapping("/api/v1/analytics/aggregate/goal-compliance")
    Envelope<AggregateCounts, AggregateMeta> aggregate(
            @Parameter(hidden = true) @RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @Parameter(description = "Restrict to one project of the organization (UUID); default all")
            @RequestParam(name = "project_id", required = false) String projectId,
            @Parameter(description = "daily | weekly | monthly; default all")
            @RequestParam(name = "period", required = false) String period,
            @Parameter(description = "YYYY-MM-DD; default today (org time zone)")
            @RequestParam(name = "reference_date", required = false) String referenceDate,
            HttpServletRequest request) {
        QueryParameters.check(request, "project_id", "period", "reference_date");
        List<ApiProject> scope = projectId == null ? projects.all(caller)
                : List.of(projects.require(caller, "project_id", projectId));
        Optional<Period> periodFilter = QueryParameters.period("period", period);
        Optional<LocalDate> date = QueryParameters.date("reference_date", referenceDate);

        StatusCounts counts = new StatusCounts();
        Set<String> sources = new TreeSet<>();
        for (ApiProject project : scope) {
            var body = bodies.body(project, Optional.empty(), periodFilter, date);
            counts.add(body);
            sources.add(body.meta().source());
        }
        // one project: its organization's zone (an admin key has no organization of its own)
        String timezone = projectId == null ? projects.timezone(caller).orElse(null) : scope.get(0).timezone();
        LocalDate referenceDay = date.orElseGet(() -> clock.instant()
                .atZone(GoalEvaluator.scheduleZone(timezone)).toLocalDate());
        String source = sources.size() == 1 ? sources.iterator().next() : sources.isEmpty() ? "live" : "mixed";
        return Envelope.of(counts.counts(), new AggregateMeta(timezone, referenceDay,
                projectId == null ? null : scope.get(0).id(), periodFilter.orElse(null), scope.size(), source));
    }
}
