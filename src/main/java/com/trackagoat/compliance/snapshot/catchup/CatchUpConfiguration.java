package com.trackagoat.compliance.snapshot.catchup;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.trackagoat.compliance.snapshot.job.GracefulStop;
import com.trackagoat.compliance.snapshot.launch.SnapshotJobLauncher;
import com.trackagoat.compliance.system.GoalComplianceProperties;

/** Wiring of catch-up: the job history it plans from, the catch-up itself, and the retry of failing instances. */
@Configuration(proxyBeanMethods = false)
class CatchUpConfiguration {

    @Bean
    SnapshotJobHistory snapshotJobHistory(NamedParameterJdbcTemplate jdbc) {
        return new SnapshotJobHistory(jdbc);
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
