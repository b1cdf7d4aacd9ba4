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

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /api/v1/admin/backfill}: the instances of (from, to] that have not completed; listed (the default,
 * a dry run) or run in the background as {@code catch-up --since=from --until=to} does (202).
 */
@Hidden
@RestController
class BackfillController {

    private final AdminOperations operations;

    BackfillController(AdminOperations operations) {
        this.operations = operations;
    }

    @PostMapping("/api/v1/admin/backfill")
    ResponseEntity<Envelope<List<RunView>, RangeMeta>> backfill(
            @RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
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
