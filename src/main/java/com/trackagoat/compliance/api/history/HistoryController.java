package com.trackagoat.compliance.api.history;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.trackagoat.compliance.api.ApiProject;
import com.trackagoat.compliance.api.Page;
import com.trackagoat.compliance.api.PageCursor;
import com.trackagoat.compliance.api.PageMeta;
import com.trackagoat.compliance.api.ProjectAccess;
import com.trackagoat.compliance.api.QueryParameters;
import com.trackagoat.compliance.api.key.ApiCaller;
import com.trackagoat.compliance.api.key.ApiKeyFilter;
import com.trackagoat.compliance.body.Envelope;
import com.trackagoat.compliance.evaluation.Phase;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET /api/v1/projects/{projectId}/goal-compliance/history}: the snapshot rows as a time series.
 * {@code from}/{@code to} are reference dates in the org's zone: a snapshot belongs to the day that ends at
 * its {@code as_of} (every snapshot is taken at a local midnight).
 */
@Tag(name = "Goal Compliance")
@RestController
class HistoryController {

    private final ProjectAccess projects;
    private final HistoryRepository history;

    HistoryController(ProjectAccess projects, HistoryRepository history) {
        this.projects = projects;
        this.history = history;
    }

    @Operation(summary = "Snapshot history of a project's goals (nightly, close and final rows)",
            description = "Rows in (as_of, goal_id, phase) order; meta.next_cursor is null on the last page, "
                    + "else pass it back as cursor (with the same filters).")
    @GetMapping("/api/v1/projects/{projectId}/goal-compliance/history")
    Envelope<List<HistoryEntry>, PageMeta> history(
            @Parameter(hidden = true) @RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @Parameter(description = "Project UUID") @PathVariable String projectId,
            @Parameter(description = "Only this goal (UUID)") @RequestParam(name = "goal_id", required = false) String goalId,
            @Parameter(description = "Only this creator's goals (UUID)")
            @RequestParam(name = "creator_id", required = false) String creatorId,
            @Parameter(description = "First reference date, YYYY-MM-DD (org time zone), inclusive")
            @RequestParam(name = "from", required = false) String from,
            @Parameter(description = "Last reference date, YYYY-MM-DD (org time zone), inclusive")
            @RequestParam(name = "to", required = false) String to,
            @Parameter(description = "nightly | close | final; default all")
            @RequestParam(name = "phase", required = false) String phase,
            @Parameter(description = "Rows per page, 1 to 1000; default 100")
            @RequestParam(name = "limit", required = false) String limit,
            @Parameter(description = "meta.next_cursor of the previous page")
            @RequestParam(name = "cursor", required = false) String cursor,
            HttpServletRequest request) {
        QueryParameters.check(request, "goal_id", "creator_id", "from", "to", "phase", "limit", "cursor");
        ApiProject project = projects.require(caller, "projectId", projectId);
        ZoneId zone = project.zone();
        Optional<LocalDate> fromDate = QueryParameters.date("from", from);
        Optional<LocalDate> toDate = QueryParameters.date("to", to);
        QueryParameters.checkRange("from", fromDate, "to", toDate);
        int size = QueryParameters.limit("limit", limit);
        HistoryRepository.Filter filter = new HistoryRepository.Filter(project.id(),
                QueryParameters.uuid("goal_id", goalId), QueryParameters.uuid("creator_id", creatorId),
                QueryParameters.phase("phase", phase).map(Phase::code),
                fromDate.map(d -> d.plusDays(1).atStartOfDay(zone).toInstant()),
                toDate.map(d -> d.plusDays(1).atStartOfDay(zone).toInstant()),
                PageCursor.decode("cursor", cursor));
        Page<HistoryRow> page = new Page<>(history.page(filter, size + 1), size,
                r -> new PageCursor(r.asOf(), r.goalId(), r.phase()));
        return page.envelope(project, r -> HistoryEntry.of(r, zone));
    }
}
