package com.trackagoat.compliance.snapshot.launch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;

import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.snapshot.job.InstanceLocks;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;
import com.trackagoat.compliance.source.Timestamps;

/**
 * Recomputes one snapshot job instance after its source data were fixed: under the instance's lock, deletes
 * its snapshot and reject rows and its job instance (executions, contexts) in one transaction, then runs it
 * as new. Either everything is forgotten or nothing is. A final's rerun also forgets its restatement (rows and
 * instance), which the next catch-up then computes again from the new final.
 */
public class SnapshotRerun {

    private static final Logger log = LoggerFactory.getLogger(SnapshotRerun.class);

    /** The view goal_compliance_snapshots is read-only: rows are deleted where they are stored (V13). */
    private static final String DELETE_SNAPSHOTS = """
            DELETE FROM goal_compliance_snapshot_rows WHERE phase = :phase AND as_of = :asOf
            """;
    private static final String DELETE_REJECTS = """
            DELETE FROM goal_compliance_rejects WHERE phase = :phase AND as_of = :asOf
            """;
    private static final String DELETE_RESTATEMENTS = """
            DELETE FROM goal_compliance_restatements WHERE as_of = :asOf
            """;

    private final SnapshotJobLauncher launcher;
    private final JobRepository jobRepository;
    private final Job job;
    private final InstanceLocks locks;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Duration restatementDelay;

    SnapshotRerun(SnapshotJobLauncher launcher, JobRepository jobRepository, Job job, InstanceLocks locks,
                  NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, Duration restatementDelay) {
        this.restatementDelay = restatementDelay;
        this.launcher = launcher;
        this.jobRepository = jobRepository;
        this.job = job;
        this.locks = locks;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Throws {@link BadInstanceException} when the instance never ran: there is nothing to forget. */
    public SnapshotJobLauncher.Result rerun(SnapshotJobParameters instance) {
        if (jobRepository.getJobInstance(job.getName(), instance.toJobParameters()) == null) {
            throw BadInstanceException.neverRan(instance);
        }
        try (InstanceLocks.Held ignored = locks.acquire(instance)) {
            int forgotten = transaction.execute(status -> forget(instance));
            log.info("{}: forgot {} rows and its job instance; running it again", instance, forgotten);
        } catch (Exception e) {
            log.error("{}: could not forget it: {}", instance, e.toString());
            return SnapshotJobLauncher.Result.FAILED;
        }
        return launcher.run(instance);
    }

    private int forget(SnapshotJobParameters instance) {
        int rows = forgetOne(instance);
        if (instance.phase() == Phase.FINAL) {
            rows += forgetOne(new SnapshotJobParameters(Phase.RESTATEMENT, instance.asOf().plus(restatementDelay)));
        }
        return rows;
    }

    private int forgetOne(SnapshotJobParameters instance) {
        MapSqlParameterSource params = new MapSqlParameterSource("phase", instance.phase().code())
                .addValue("asOf", Timestamps.utc(instance.asOf()));
        int rows = jdbc.update(DELETE_SNAPSHOTS, params) + jdbc.update(DELETE_REJECTS, params);
        if (instance.phase() == Phase.RESTATEMENT) {
            rows += jdbc.update(DELETE_RESTATEMENTS, params);
        }
        JobInstance jobInstance = jobRepository.getJobInstance(job.getName(), instance.toJobParameters());
        if (jobInstance != null) {
            jobRepository.deleteJobInstance(jobInstance);
        }
        return rows;
    }
}
