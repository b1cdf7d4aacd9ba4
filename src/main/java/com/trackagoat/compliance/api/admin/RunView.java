package com.trackagoat.compliance.api.admin;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.trackagoat.compliance.body.UtcMillis;
import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.snapshot.runs.InstanceRun;

/** One due snapshot job instance as {@code GET /api/v1/admin/runs} lists it (data-contract.md). */
record RunView(@JsonProperty("phase") Phase phase, @JsonProperty("as_of") @UtcMillis Instant asOf,
               @JsonProperty("state") String state, @JsonProperty("executions") List<ExecutionView> executions,
               @JsonProperty("progress") ProgressView progress) {

    static RunView of(InstanceRun run) {
        return new RunView(run.instance().phase(), run.instance().asOf(), run.state().code(),
                run.executions().stream().map(ExecutionView::of).toList(),
                run.progress().map(ProgressView::of).orElse(null));
    }
}
