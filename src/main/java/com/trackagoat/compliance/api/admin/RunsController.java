package com.trackagoat.compliance.api.admin;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.trackagoat.compliance.api.QueryParameters;
import com.trackagoat.compliance.api.key.ApiCaller;
import com.trackagoat.compliance.api.key.ApiKeyFilter;
import com.trackagoat.compliance.body.Envelope;
import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;
import com.trackagoat.compliance.snapshot.runs.InstanceRun;
import com.trackagoat.compliance.snapshot.runs.RunHistory;
import com.trackagoat.compliance.snapshot.runs.RunState;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET /api/v1/admin/runs}: the due snapshot job instances of a range with their state, executions and
 * progress; {@code POST …/runs/{phase}/{as_of}/resume} and {@code …/rerun}: act on one, in the background (202).
 */
@Tag(name = "Admin")
@RestController
class RunsController {

    private final RunHistory history;
    private final AdminOperations operations;

    RunsController(RunHistory history, AdminOperations operations) {
        this.history = history;
        this.operations = operations;
    }

    @Operation(summary = "The due snapshot job instances of (from, to], oldest first (admin key)",
            description = "state: completed, failed, running, stopped, waiting (a final whose close has not"
                    + " completed) or missing (due, never ran). progress is null unless running.")
    @GetMapping("/api/v1/admin/runs")
    Envelope<List<RunView>, RangeMeta> runs(
            @Parameter(hidden = true) @RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @Parameter(description = "Exclusive start, ISO-8601 UTC with Z") @RequestParam(name = "from", required = false) String from,
            @Parameter(description = "Inclusive end, ISO-8601 UTC with Z; at most 366 days after from")
            @RequestParam(name = "to", required = false) String to,
            @Parameter(description = "nightly | close | final; default all") @RequestParam(name = "phase", required = false) String phase,
            @Parameter(description = "completed | failed | running | stopped | waiting | missing; default all")
            @RequestParam(name = "state", required = false) String state,
            HttpServletRequest request) {
        AdminParameters.requireAdmin(caller);
        QueryParameters.check(request, "from", "to", "phase", "state");
        AdminParameters.Range range = AdminParameters.range(from, to);
        Optional<Phase> phaseFilter = AdminParameters.phase(phase);
        Optional<RunState> stateFilter = AdminParameters.state(state);
        List<RunView> runs = history.runs(range.from(), range.to()).stream()
                .filter(run -> phaseFilter.map(p -> p == run.instance().phase()).orElse(true))
                .filter(run -> stateFilter.map(s -> s == run.state()).orElse(true))
                .map(RunView::of).toList();
        return Envelope.of(runs, RangeMeta.of(range.from(), range.to()));
    }

    @Operation(summary = "Resumes a failed or stopped instance now, in the background (admin key)",
            description = "202 with the instance's run; 409 for one that is completed, running, waiting or never"
                    + " ran, 400 for one no schedule has. Once it completes, what waited for it (its final) runs.")
    @PostMapping("/api/v1/admin/runs/{phase}/{as_of}/resume")
    ResponseEntity<Envelope<RunView, RangeMeta>> resume(
            @Parameter(hidden = true) @RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @Parameter(description = "nightly | close | final") @PathVariable("phase") String phase,
            @Parameter(description = "The instance's as_of, as runs prints it") @PathVariable("as_of") String asOf,
            HttpServletRequest request) {
        AdminParameters.requireAdmin(caller);
        QueryParameters.check(request);
        SnapshotJobParameters instance = AdminParameters.instance(phase, asOf);
        return accepted(operations.resume(caller, instance));
    }

    @Operation(summary = "Forgets one instance's rows and job and runs it again, in the background (admin key)",
            description = "As the rerun command, after source data were fixed. 202 with the instance's run; 409"
                    + " while it runs; 400 for one that never ran or that no schedule has.")
    @PostMapping("/api/v1/admin/runs/{phase}/{as_of}/rerun")
    ResponseEntity<Envelope<RunView, RangeMeta>> rerun(
            @Parameter(hidden = true) @RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @Parameter(description = "nightly | close | final") @PathVariable("phase") String phase,
            @Parameter(description = "The instance's as_of, as runs prints it") @PathVariable("as_of") String asOf,
            HttpServletRequest request) {
        AdminParameters.requireAdmin(caller);
        QueryParameters.check(request);
        SnapshotJobParameters instance = AdminParameters.instance(phase, asOf);
        return accepted(operations.rerun(caller, instance));
    }

    private static ResponseEntity<Envelope<RunView, RangeMeta>> accepted(AdminOperations.Accepted<InstanceRun> run) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Envelope.of(RunView.of(run.subject()), RangeMeta.ofAction(run.actionId())));
    }
}
