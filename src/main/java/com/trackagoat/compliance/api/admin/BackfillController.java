package com.trackagoat.compliance.api.admin;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.trackagoat.compliance.api.QueryParameters;
import com.trackagoat.compliance.api.key.ApiCaller;
import com.trackagoat.compliance.api.key.ApiKeyFilter;
import com.trackagoat.compliance.body.Envelope;
import com.trackagoat.compliance.snapshot.runs.InstanceRun;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /api/v1/admin/backfill}: the instances of (from, to] that have not completed; listed (the default,
 * a dry run) or run in the background as {@code catch-up --since=from --until=to} does (202).
 */
@Tag(name = "Admin")
@RestController
class BackfillController {

    private final AdminOperations operations;

    BackfillController(AdminOperations operations) {
        this.operations = operations;
    }

    @Operation(summary = "Lists (dry_run, the default) or runs the instances of (from, to] not completed (admin key)",
            description = "dry_run=false: 202, run in the background as catch-up --since=from --until=to; to may"
                    + " not be in the future.")
    @PostMapping("/api/v1/admin/backfill")
    ResponseEntity<Envelope<List<RunView>, RangeMeta>> backfill(
            @Parameter(hidden = true) @RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @Parameter(description = "Exclusive start, ISO-8601 UTC with Z") @RequestParam(name = "from", required = false) String from,
            @Parameter(description = "Inclusive end, ISO-8601 UTC with Z; at most 366 days after from")
            @RequestParam(name = "to", required = false) String to,
            @Parameter(description = "true (default): only list; false: run them")
            @RequestParam(name = "dry_run", required = false) String dryRun,
            HttpServletRequest request) {
        AdminParameters.requireAdmin(caller);
        QueryParameters.check(request, "from", "to", "dry_run");
        AdminParameters.Range range = AdminParameters.range(from, to);
        if (AdminParameters.flag("dry_run", dryRun, true)) {
            List<InstanceRun> pending = operations.backfillDryRun(caller, range);
            return ResponseEntity.ok(Envelope.of(pending.stream().map(RunView::of).toList(),
                    new RangeMeta(range.from(), range.to(), true, null)));
        }
        AdminOperations.Accepted<List<InstanceRun>> accepted = operations.backfill(caller, range);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Envelope.of(
                accepted.subject().stream().map(RunView::of).toList(),
                new RangeMeta(range.from(), range.to(), false, accepted.actionId())));
    }
}
