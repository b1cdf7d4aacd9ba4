package com.trackagoat.compliance.snapshot;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.trackagoat.compliance.system.GoalComplianceProperties;

import io.micrometer.core.instrument.MeterRegistry;

/** Wiring of the pieces that launch snapshot jobs: locks, history, launcher, due instants, catch-up, stop and metrics. */
@Configuration(proxyBeanMethods = false)
class SnapshotConfiguration {

    @Bean
    InstanceLocks instanceLocks(DataSource dataSource) {
        return new InstanceLocks(dataSource);
    }

    @Bean
    SnapshotJobHistory snapshotJobHistory(NamedParameterJdbcTemplate jdbc) {
        return new SnapshotJobHistory(jdbc);
    }

    @Bean
    GracefulStop gracefulStop(GoalComplianceProperties properties) {
        return new GracefulStop(properties.getShutdownTimeout());
    }

    @Bean
    SnapshotMetrics snapshotMetrics(MeterRegistry registry) {
        return new SnapshotMetrics(registry);
    }

    @Bean
    SnapshotJobLauncher snapshotJobLauncher(JobOperator jobOperator, JobRepository jobRepository,
                                            Job goalSnapshotJob, InstanceLocks locks,
                                            GoalComplianceProperties properties, SnapshotMetrics metrics,
                                            Clock clock) {
        return new SnapshotJobLauncher(jobOperator, jobRepository, goalSnapshotJob, locks, properties, metrics,
                clock);
    }

    @Bean
    SnapshotRerun snapshotRerun(SnapshotJobLauncher launcher, JobRepository jobRepository, Job goalSnapshotJob,
                                InstanceLocks locks, NamedParameterJdbcTemplate jdbc,
                                PlatformTransactionManager transactionManager) {
        return new SnapshotRerun(launcher, jobRepository, goalSnapshotJob, locks, jdbc,
                new TransactionTemplate(transactionManager));
    }

    @Bean
    DueInstants dueInstants(NamedParameterJdbcTemplate jdbc, GoalComplianceProperties properties) {
        return new DueInstants(jdbc.getJdbcTemplate(), properties.getSettleDelay());
    }

    @Bean
    CatchUp catchUp(SnapshotJobLauncher launcher, SnapshotJobHistory history, NamedParameterJdbcTemplate jdbc,
                    GoalComplianceProperties properties, Clock clock, GracefulStop gracefulStop,
                    RetryBackoff retryBackoff) {
        return new CatchUp(launcher, history, jdbc.getJdbcTemplate(), properties, clock, gracefulStop,
                retryBackoff);
    }

    @Bean
    RetryBackoff retryBackoff(GoalComplianceProperties properties, Clock clock) {
        return new RetryBackoff(properties.getRetry().getFirstDelay(), properties.getRetry().getMaxDelay(), clock);
    }

    @Bean
    FailingInstances failingInstances(SnapshotJobHistory history, RetryBackoff retryBackoff,
                                      GoalComplianceProperties properties, Clock clock) {
        return new FailingInstances(history, retryBackoff, properties, clock);
    }
}
