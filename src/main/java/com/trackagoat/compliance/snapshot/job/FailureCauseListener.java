package com.trackagoat.compliance.snapshot.job;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Leads a failed job execution's exit message with the telling cause of its failure: the database's own words
 * where there are any, else the root cause. Spring Batch stores the stack trace cut at 2500 characters, which
 * keeps only the outermost wrapper ("Unable to process chunk"); the {@code snapshots} health component and the
 * status reports show this first line.
 */
final class FailureCauseListener implements JobExecutionListener {

    @Override
    public void afterJob(JobExecution execution) {
        List<Throwable> failures = Stream.concat(
                execution.getStepExecutions().stream().flatMap(step -> step.getFailureExceptions().stream()),
                execution.getFailureExceptions().stream()).toList();
        if (execution.getStatus() != BatchStatus.FAILED || failures.isEmpty()) {
            return;
        }
        ExitStatus exit = execution.getExitStatus();
        // A partitioned job's manager step fails only with "Partition handler returned an unsuccessful step":
        // the worker's own cause is the telling one.
        Throwable chosen = failures.stream().map(FailureCauseListener::telling)
                .filter(cause -> !(cause instanceof JobExecutionException)).findFirst()
                .orElse(telling(failures.get(0)));
        String cause = chosen.toString().lines().findFirst().orElse("");
        execution.setExitStatus(new ExitStatus(exit.getExitCode(), cause + "\n" + exit.getExitDescription()));
    }

    private static Throwable telling(Throwable failure) {
        Throwable root = failure;
        Throwable database = null;
        while (true) {
            if (root instanceof SQLException) {
                database = root;
            }
            if (root.getCause() == null || root.getCause() == root) {
                return database != null ? database : root;
            }
            root = root.getCause();
        }
    }
}
