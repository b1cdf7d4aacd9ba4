package com.trackagoat.compliance.snapshot.job;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import com.trackagoat.compliance.snapshot.remote.FailureCauses;

/**
 * Leads a failed job execution's exit message with the telling cause of its failure ({@link FailureCauses}):
 * the {@code snapshots} health component and the status reports show this first line. A partition's cause comes
 * from its worker, maybe on another node, which led the partition's own exit message with it (PartitionWorker).
 */
final class FailureCauseListener implements JobExecutionListener {

    @Override
    public void afterJob(JobExecution execution) {
        List<Throwable> failures = Stream.concat(
                execution.getStepExecutions().stream().flatMap(step -> step.getFailureExceptions().stream()),
                execution.getFailureExceptions().stream()).toList();
        if (execution.getStatus() == BatchStatus.FAILED && !failures.isEmpty()) {
            execution.setExitStatus(FailureCauses.leadWithCause(execution.getExitStatus(), failures));
        }
    }
}
