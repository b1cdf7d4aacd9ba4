package com.trackagoat.compliance.snapshot.runs;

import java.util.List;
import java.util.Optional;

import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;

/** STUB until branch runs lands. */
public record InstanceRun(SnapshotJobParameters instance, RunState state, List<RunExecution> executions,
                          Optional<RunProgress> progress) {
}
