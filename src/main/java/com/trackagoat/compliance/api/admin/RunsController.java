package com.trackagoat.compliance.api.admin;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

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

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET /api/v1/admin/runs}: the due snapshot job instances of a range with their state, executions and
 * progress; {@code POST …/runs/{phase}/{as_of}/resume} and {@code …/rerun}: act on one, in the background (202).
 * The admin API is left out of the public OpenAPI document, which describes the read API (docs/operations.md).
 */
@Hidden
@RestController
class RunsController {

    private final RunHistory history;
    private final AdminOperations operations;

    RunsController(RunHistory history, AdminOperations operations) {
        this.history = history;
        this.operations = operations;
    }

    @GetMapping("/api/v1/admin/runs")
    Envelope<List<RunView>, RangeMeta> runs(
            @RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "phase", required = false) String phase,
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

    @PostMapping("/api/v1/admin/runs/{phase}/{as_of}/resume")
    ResponseEntity<Envelope<RunView, RangeMeta>> resume(
            @RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @PathVariable("phase") String phase,
            @PathVariable("as_of") String asOf,
            HttpServletRequest request) {
        return act(caller, phase, asOf, request, operations::resume);
    }

    @PostMapping("/api/v1/admin/runs/{phase}/{as_of}/rerun")
    ResponseEntity<Envelope<RunView, RangeMeta>> rerun(
            @RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @PathVariable("phase") String phase,
            @PathVariable("as_of") String asOf,
            HttpServletRequest request) {
        return act(caller, phase, asOf, request, operations::rerun);
    }

    /** Checks the caller and the instance, then queues the action on it: 202 with the run as it stands. */
    private static ResponseEntity<Envelope<RunView, RangeMeta>> act(
            ApiCaller caller, String phase, String asOf, HttpServletRequest request,
            BiFunction<ApiCaller, SnapshotJobParameters, AdminOperations.Accepted<InstanceRun>> action) {
        AdminParameters.requireAdmin(caller);
        QueryParameters.check(request);
        return accepted(action.apply(caller, AdminParameters.instance(phase, asOf)));
    }

    private static ResponseEntity<Envelope<RunView, RangeMeta>> accepted(AdminOperations.Accepted<InstanceRun> run) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Envelope.of(RunView.of(run.subject()), RangeMeta.ofAction(run.actionId())));
    }
}
