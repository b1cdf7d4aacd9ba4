package com.trackagoat.compliance.snapshot.launch;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;
import com.trackagoat.compliance.snapshot.remote.WorkerLocks;

/**
 * Recovers an execution that a dead or disconnected process left running, so that it can be restarted: one duty,
 * called by the launcher only while it holds the instance's lock (so the execution's manager is known to be gone).
 * A partition may still run on another node after its manager died: each step left running is changed only
 * under its worker lock, which waits for such a worker to end it (then it is left as that worker ended it).
 */
class DeadExecutionRecovery {

    private static final Logger log = LoggerFactory.getLogger(DeadExecutionRecovery.class);

    private final JobRepository jobRepository;
    private final WorkerLocks workerLocks;
    private final Clock clock;

    DeadExecutionRecovery(JobRepository jobRepository, WorkerLocks workerLocks, Clock clock) {
        this.jobRepository = jobRepository;
        this.workerLocks = workerLocks;
        this.clock = clock;
    }

    /**
     * The execution to restart: {@code last} itself, or, when it or one of its steps was left running, the
     * same execution marked FAILED.
     */
    JobExecution recover(SnapshotJobParameters instance, JobExecution last) {
        JobExecution previous = jobRepository.getJobExecution(last.getId()); // with its steps
        boolean stepLeftRunning = previous.getStepExecutions().stream()
                .anyMatch(step -> isLeftRunning(step.getStatus()));
        BatchStatus status = last.getStatus();
        if (!isLeftRunning(status) && !stepLeftRunning) {
            return last;
        }
        // A step left running under an ended job: its process lost the database before ending the step.
        log.warn("{}: execution {} was left {}{} (its process died or lost the database); recovering it",
                instance, last.getId(), status, isLeftRunning(status) ? "" : " with a step running");
        return markFailed(previous);
    }

    /**
     * Marks an execution that can no longer be running, and its steps, as FAILED so that it can restart. Safe
     * because we hold the instance's lock (its owner is gone), and because each chunk's writes commit atomically
     * with its checkpoint, the saved checkpoint always matches what is in the tables, even when Spring Batch
     * itself could not tell whether the last chunk committed (status UNKNOWN, which {@code JobOperator.recover}
     * refuses).
     */
    private JobExecution markFailed(JobExecution execution) {
        // The repository's times are in this JVM's zone, as Spring Batch writes them.
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneId.systemDefault()));
        ExitStatus recovered = ExitStatus.FAILED.addExitDescription("recovered: its process died or lost the database");
        for (StepExecution left : execution.getStepExecutions()) {
            if (!isLeftRunning(left.getStatus())) {
                continue;
            }
            try (WorkerLocks.Held ignored = workerLocks.tryAcquire(left.getId()).orElseGet(() -> {
                log.info("{} (step execution {}): a worker still runs it; waiting for it to end",
                        left.getStepName(), left.getId());
                return workerLocks.acquire(left.getId());
            })) {
                StepExecution step = jobRepository.getStepExecution(left.getId()); // as its worker left it
                if (isLeftRunning(step.getStatus())) {
                    step.setStatus(BatchStatus.FAILED);
                    step.setExitStatus(recovered);
                    step.setEndTime(now);
                    jobRepository.update(step);
                }
            }
        }
        if (isLeftRunning(execution.getStatus())) { // a job that ended keeps its own exit status
            execution.setStatus(BatchStatus.FAILED);
            execution.setExitStatus(recovered);
            execution.setEndTime(now);
            jobRepository.update(execution);
        }
        return execution;
    }

    /** Running (or not known to have ended) in the repository: what a dead or disconnected process leaves. */
    private static boolean isLeftRunning(BatchStatus status) {
        return status.isRunning() || status == BatchStatus.UNKNOWN;
    }
}
