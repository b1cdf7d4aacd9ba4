package com.trackagoat.compliance.snapshot.launch;

import java.time.Clock;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.trackagoat.compliance.snapshot.job.InstanceLocks;
import com.trackagoat.compliance.snapshot.job.SnapshotMetrics;
import com.trackagoat.compliance.snapshot.remote.WorkerLocks;
import com.trackagoat.compliance.system.GoalComplianceProperties;

/** Wiring of the pieces that launch one snapshot job instance: launcher, dead-execution recovery, rerun, due instants. */
@Configuration(proxyBeanMethods = false)
class LaunchConfiguration {

    @Bean
    SnapshotJobLauncher snapshotJobLauncher(JobOperator jobOperator, JobRepository jobRepository,
                                            Job goalSnapshotJob, InstanceLocks locks,
                                            GoalComplianceProperties properties, SnapshotMetrics metrics,
                                            Clock clock, WorkerLocks workerLocks) {
        return new SnapshotJobLauncher(jobOperator, jobRepository, goalSnapshotJob, locks,
                new DeadExecutionRecovery(jobRepository, workerLocks, clock), properties, metrics, clock);
    }

    @Bean
    SnapshotRerun snapshotRerun(SnapshotJobLauncher launcher, JobRepository jobRepository, Job goalSnapshotJob,
                                InstanceLocks locks, NamedParameterJdbcTemplate jdbc,
                                PlatformTransactionManager transactionManager, GoalComplianceProperties properties) {
        return new SnapshotRerun(launcher, jobRepository, goalSnapshotJob, locks, jdbc,
                new TransactionTemplate(transactionManager), properties.getRestatementDelay());
    }

    @Bean
    DueInstants dueInstants(NamedParameterJdbcTemplate jdbc, GoalComplianceProperties properties) {
        return new DueInstants(jdbc.getJdbcTemplate(), properties.getSettleDelay(),
                properties.getRestatementDelay());
    }
}
