package com.trackagoat.compliance.schedule;

import java.time.Clock;

import org.quartz.Scheduler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.trackagoat.compliance.snapshot.catchup.CatchUp;
import com.trackagoat.compliance.snapshot.catchup.FailingInstances;
import com.trackagoat.compliance.snapshot.retention.PartitionMaintenanceSchedule;
import com.trackagoat.compliance.webhook.WebhookDelivery;

/**
 * Wiring of {@code serve}: the command, the retry trigger, the scheduler's and the snapshots' health, and the
 * snapshot lag and failing-instances metrics.
 */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {

    @Bean
    Serve serve(Scheduler scheduler, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                WebhookDelivery webhookDelivery, PartitionMaintenanceSchedule partitionMaintenance) {
        return new Serve(scheduler, jdbc, transactions, webhookDelivery, partitionMaintenance);
    }

    @Bean
    SchedulerHealthIndicator schedulerHealthIndicator(Scheduler scheduler) {
        return new SchedulerHealthIndicator(scheduler);
    }

    @Bean
    SnapshotLag snapshotLag(CatchUp catchUp, Clock clock) {
        return new SnapshotLag(catchUp, clock);
    }

    /** Named so that its health component is {@code snapshots}. */
    @Bean
    SnapshotsHealthIndicator snapshotsHealthIndicator(FailingInstances failingInstances) {
        return new SnapshotsHealthIndicator(failingInstances);
    }

    @Bean
    FailingInstancesGauge failingInstancesGauge(FailingInstances failingInstances, Clock clock) {
        return new FailingInstancesGauge(failingInstances, clock);
    }

    @Bean
    RetryTrigger retryTrigger(Scheduler scheduler, PlatformTransactionManager transactions, Clock clock) {
        return new RetryTrigger(scheduler, new TransactionTemplate(transactions), clock);
    }
}
