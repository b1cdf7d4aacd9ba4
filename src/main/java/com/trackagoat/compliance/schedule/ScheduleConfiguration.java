package com.trackagoat.compliance.schedule;

import java.time.Clock;

import org.quartz.Scheduler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import com.trackagoat.compliance.snapshot.CatchUp;

/** Wiring of {@code serve}: the command, the scheduler's health, and the snapshot lag metric. */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {

    @Bean
    Serve serve(Scheduler scheduler, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new Serve(scheduler, jdbc, transactions);
    }

    @Bean
    SchedulerHealthIndicator schedulerHealthIndicator(Scheduler scheduler) {
        return new SchedulerHealthIndicator(scheduler);
    }

    @Bean
    SnapshotLag snapshotLag(CatchUp catchUp, Clock clock) {
        return new SnapshotLag(catchUp, clock);
    }
}
