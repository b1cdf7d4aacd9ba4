package com.trackagoat.compliance.api.compliance;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.trackagoat.compliance.api.ApiProject;
import com.trackagoat.compliance.api.ProjectAccess;
import com.trackagoat.compliance.api.QueryParameters;
import com.trackagoat.compliance.api.key.ApiCaller;
import com.trackagoat.compliance.api.key.ApiKeyFilter;
import com.trackagoat.compliance.body.ComplianceMeta;
import com.trackagoat.compliance.body.CreatorCompliance;
import com.trackagoat.compliance.body.Envelope;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** {@code GET /api/v1/projects/{projectId}/goal-compliance}: the seed page's endpoint, the {@code report} body. */
@Tag(name = "Goal Compliance")
@RestController
class GoalComplianceController {

    private final ProjectAccess projects;
    private final ComplianceBodies bodies;

    GoalComplianceController(ProjectAccess projects, ComplianceBodies bodies) {
        this.projects = projects;
        this.bodies = bodies;
    }

    @Operation(summary = "Per-creator, per-goal compliance with advisories",
            description = "Today (org time zone) is evaluated live; a past reference_date is answered from the "
                    + "snapshots taken at the end of that day (meta.source = snapshot, meta.as_of), or live where "
                    + "there are none (meta.source = live). Goals that cannot be evaluated are listed in "
                    + "meta.rejected.")
    @GetMapping("/api/v1/projects/{projectId}/goal-compliance")
    Envelope<List<CreatorCompliance>, ComplianceMeta> goalCompliance(
            @Parameter(hidden = true) @RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @Parameter(description = "Project UUID") @PathVariable String projectId,
            @Parameter(description = "Restrict results to a single creator (UUID)")
            @RequestParam(name = "creator_id", required = false) String creatorId,
            @Parameter(description = "daily | weekly | monthly; default all")
            @RequestParam(name = "period", required = false) String period,
            @Parameter(description = "YYYY-MM-DD; default today (org time zone)")
            @RequestParam(name = "reference_date", required = false) String referenceDate,
            HttpServletRequest request) {
        QueryParameters.check(request, "creator_id", "period", "reference_date");
        ApiProject project = projects.require(caller, "projectId", projectId);
        return bodies.body(project, QueryParameters.uuid("creator_id", creatorId),
                QueryParameters.period("period", period), QueryParameters.date("reference_date", referenceDate));
    }
}
