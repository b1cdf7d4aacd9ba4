package com.trackagoat.compliance.snapshot.runs;

import java.util.List;
import java.util.Optional;

import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;

/**
 * One due snapshot job instance: its state, its executions (oldest first; none when it never ran) and, while
 * it runs, its progress.
 */
public record InstanceRun(SnapshotJobParameters instance, RunState state, List<RunExecution> executions,
                          Optional<RunProgress> progress) {

    public InstanceRun {
        executions = List.copyOf(executions);
    }

    /** Snapshot rows its executions committed. */
    public long snapshots() {
        return executions.stream().mapToLong(RunExecution::snapshots).sum();
    }

    /** Reject rows its executions committed. */
    public long rejects() {
        return executions.stream().mapToLong(RunExecution::rejects).sum();
    }

    /** Its last execution, if it ever ran. */
    public Optional<RunExecution> last() {
        return executions.isEmpty() ? Optional.empty() : Optional.of(executions.get(executions.size() - 1));
    }
}
