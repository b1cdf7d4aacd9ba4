package com.trackagoat.compliance.snapshot.launch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.snapshot.job.InstanceLocks;
import com.trackagoat.compliance.snapshot.job.SnapshotJobConfiguration;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;
import com.trackagoat.compliance.snapshot.job.SnapshotMetrics;
import com.trackagoat.compliance.system.GoalComplianceProperties;

/**
 * Runs one snapshot job instance exactly once across processes: under the instance's lock, a completed
 * instance is left alone, an execution left running by a dead process is recovered ({@link DeadExecutionRecovery}),
 * a failed or stopped one is restarted from its last committed chunk, and a new one is started.
 */
public class SnapshotJobLauncher {

    private static final Logger log = LoggerFactory.getLogger(SnapshotJobLauncher.class);

    /** How a request to run an instance ended. */
    public enum Result {
        /** This call ran it to completion. */
        COMPLETED,
        /** It had completed before: nothing was done. */
        ALREADY_COMPLETE,
        /** A final whose close has not completed: not run. */
        CLOSE_NOT_COMPLETE,
        /** A restatement whose final has not completed: not run. */
        FINAL_NOT_COMPLETE,
        /** Shutdown stopped it at a chunk boundary; the next run resumes it. */
        STOPPED,
        /** It failed; its progress is kept and the next run resumes it. */
        FAILED
    }

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final InstanceLocks locks;
    private final DeadExecutionRecovery recovery;
    private final GoalComplianceProperties properties;
    private final SnapshotMetrics metrics;
    private final Clock clock;

    SnapshotJobLauncher(JobOperator jobOperator, JobRepository jobRepository, Job job, InstanceLocks locks,
                        DeadExecutionRecovery recovery, GoalComplianceProperties properties,
                        SnapshotMetrics metrics, Clock clock) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = job;
        this.locks = locks;
        this.recovery = recovery;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
        metrics.registerJobResults(Arrays.stream(Result.values()).map(Result::name).toList());
    }

    public Result run(SnapshotJobParameters instance) {
        Instant started = clock.instant();
        Result result = runOnce(instance);
        metrics.recordJob(instance, result.name(), Duration.between(started, clock.instant()));
        return result;
    }

    private Result runOnce(SnapshotJobParameters instance) {
        if (instance.phase() == Phase.FINAL && !closeCompleted(instance)) {
            log.warn("{}: not run: the close snapshot job it settles ({}) has not completed", instance,
                    closeOf(instance));
            return Result.CLOSE_NOT_COMPLETE;
        }
        if (instance.phase() == Phase.RESTATEMENT && !completed(finalOf(instance))) {
            log.warn("{}: not run: the final snapshot job it checks ({}) has not completed", instance,
                    finalOf(instance));
            return Result.FINAL_NOT_COMPLETE;
        }
        try (InstanceLocks.Held ignored = locks.acquire(instance)) {
            JobExecution last = jobRepository.getLastJobExecution(job.getName(), instance.toJobParameters());
            if (last == null) {
                log.info("{}: starting", instance);
                return result(instance, jobOperator.start(job, instance.toJobParameters()));
            }
            BatchStatus status = last.getStatus();
            if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED) {
                log.debug("{}: already {} (execution {}); nothing to do", instance, status, last.getId());
                return Result.ALREADY_COMPLETE;
            }
            last = recovery.recover(instance, last);
            log.info("{}: resuming execution {} ({})", instance, last.getId(), last.getStatus());
            return result(instance, jobOperator.restart(last));
        } catch (Exception e) {
            log.error("{}: failed: {}", instance, e.toString());
            return Result.FAILED;
        }
    }

    private Result result(SnapshotJobParameters instance, JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return Result.COMPLETED;
        }
        if (execution.getStatus() == BatchStatus.STOPPED) {
            log.info("{}: execution {} stopped at a chunk boundary; the next run resumes it", instance,
                    execution.getId());
            return Result.STOPPED;
        }
        log.error("{}: execution {} ended {}: {}", instance, execution.getId(), execution.getStatus(),
                execution.getExitStatus().getExitDescription());
        return Result.FAILED;
    }

    private boolean closeCompleted(SnapshotJobParameters finalInstance) {
        return completed(closeOf(finalInstance));
    }

    private boolean completed(SnapshotJobParameters instance) {
        JobExecution last = jobRepository.getLastJobExecution(job.getName(), instance.toJobParameters());
        return last != null && last.getStatus() == BatchStatus.COMPLETED;
    }

    private SnapshotJobParameters finalOf(SnapshotJobParameters restatement) {
        return new SnapshotJobParameters(Phase.FINAL,
                SnapshotJobConfiguration.finalOf(restatement.asOf(), properties));
    }

    private SnapshotJobParameters closeOf(SnapshotJobParameters finalInstance) {
        return new SnapshotJobParameters(Phase.CLOSE,
                SnapshotJobConfiguration.closedAt(finalInstance.asOf(), properties));
    }
}
