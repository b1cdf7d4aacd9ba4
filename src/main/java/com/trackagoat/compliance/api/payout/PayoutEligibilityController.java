package com.trackagoat.compliance.api.payout;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.trackagoat.compliance.api.ApiException;
import com.trackagoat.compliance.api.ApiProject;
import com.trackagoat.compliance.api.Page;
import com.trackagoat.compliance.api.PageCursor;
import com.trackagoat.compliance.api.PageMeta;
import com.trackagoat.compliance.api.ProjectAccess;
import com.trackagoat.compliance.api.QueryParameters;
import com.trackagoat.compliance.api.key.ApiCaller;
import com.trackagoat.compliance.api.key.ApiKeyFilter;
import com.trackagoat.compliance.body.Envelope;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET /api/v1/projects/{projectId}/payout-eligibility}: the final snapshots, the input to payouts.
 * Periods are chosen by the local date (org time zone) of their last day, i.e. of the printed
 * {@code period_end}: one date ({@code period_end}) or a range ({@code from}, {@code to}, inclusive).
 */
@Tag(name = "Payouts")
@RestController
class PayoutEligibilityController {

    private static final Set<String> ELIGIBILITIES = Set.of("eligible", "needs_review", "ineligible");

    private final ProjectAccess projects;
    private final PayoutRepository payouts;

    PayoutEligibilityController(ProjectAccess projects, PayoutRepository payouts) {
        this.projects = projects;
        this.payouts = payouts;
    }

    @Operation(summary = "Final snapshots with their payout eligibility",
            description = "eligible = completed; needs_review = missed while the stats were stale; ineligible = "
                    + "missed with fresh stats. close_status/close_actual are the provisional close's, and "
                    + "changed_since_close tells whether the final differs. Paged like history.")
    @GetMapping("/api/v1/projects/{projectId}/payout-eligibility")
    Envelope<List<PayoutEntry>, PageMeta> payoutEligibility(
            @Parameter(hidden = true) @RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @Parameter(description = "Project UUID") @PathVariable String projectId,
            @Parameter(description = "Last day of the period, YYYY-MM-DD (org time zone); not with from/to")
            @RequestParam(name = "period_end", required = false) String periodEnd,
            @Parameter(description = "Periods whose last day is on or after this date (YYYY-MM-DD)")
            @RequestParam(name = "from", required = false) String from,
            @Parameter(description = "Periods whose last day is on or before this date (YYYY-MM-DD)")
            @RequestParam(name = "to", required = false) String to,
            @Parameter(description = "Only this creator (UUID)")
            @RequestParam(name = "creator_id", required = false) String creatorId,
            @Parameter(description = "eligible | needs_review | ineligible; default all")
            @RequestParam(name = "eligibility", required = false) String eligibility,
            @Parameter(description = "Rows per page, 1 to 1000; default 100")
            @RequestParam(name = "limit", required = false) String limit,
            @Parameter(description = "meta.next_cursor of the previous page")
            @RequestParam(name = "cursor", required = false) String cursor,
            HttpServletRequest request) {
        QueryParameters.check(request, "period_end", "from", "to", "creator_id", "eligibility", "limit", "cursor");
        ApiProject project = projects.require(caller, "projectId", projectId);
        ZoneId zone = project.zone();
        Optional<LocalDate> end = QueryParameters.date("period_end", periodEnd);
        Optional<LocalDate> fromDate = QueryParameters.date("from", from);
        Optional<LocalDate> toDate = QueryParameters.date("to", to);
        if (end.isPresent() && (fromDate.isPresent() || toDate.isPresent())) {
            throw ApiException.badParameter("period_end", "cannot be combined with from/to: give one date or a range");
        }
        QueryParameters.checkRange("from", fromDate, "to", toDate);
        if (eligibility != null && !ELIGIBILITIES.contains(eligibility)) {
            throw ApiException.badParameter("eligibility",
                    "must be eligible, needs_review or ineligible, not '" + eligibility + "'");
        }
        int size = QueryParameters.limit("limit", limit);
        Optional<LocalDate> first = end.or(() -> fromDate);
        Optional<LocalDate> last = end.or(() -> toDate);
        PayoutRepository.Filter filter = new PayoutRepository.Filter(project.id(),
                QueryParameters.uuid("creator_id", creatorId), Optional.ofNullable(eligibility),
                first.map(d -> d.atStartOfDay(zone).toInstant()),
                last.map(d -> d.plusDays(1).atStartOfDay(zone).toInstant()),
                PageCursor.decode("cursor", cursor));
        Page<PayoutRow> page = new Page<>(payouts.page(filter, size + 1), size,
                r -> new PageCursor(r.asOf(), r.goalId(), "final"));
        return page.envelope(project, r -> PayoutEntry.of(r, zone));
    }
}
