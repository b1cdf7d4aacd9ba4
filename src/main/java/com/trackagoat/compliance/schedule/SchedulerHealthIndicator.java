package com.trackagoat.compliance.schedule;

import java.util.Date;

import org.quartz.Scheduler;
import org.quartz.SchedulerMetaData;
import org.quartz.Trigger;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code scheduler} in {@code /actuator/health}: UP while this node's Quartz scheduler is started and part of
 * the cluster, DOWN before {@code serve} starts it, in standby, or after shutdown.
 */
class SchedulerHealthIndicator extends AbstractHealthIndicator {

    private final Scheduler scheduler;

    SchedulerHealthIndicator(Scheduler scheduler) {
        super("Quartz scheduler health check failed");
        this.scheduler = scheduler;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        SchedulerMetaData meta = scheduler.getMetaData();
        boolean running = meta.isStarted() && !meta.isInStandbyMode() && !meta.isShutdown();
        (running ? builder.up() : builder.down())
                .withDetail("name", meta.getSchedulerName())
                .withDetail("instanceId", meta.getSchedulerInstanceId())
                .withDetail("clustered", meta.isJobStoreClustered())
                .withDetail("started", meta.isStarted())
                .withDetail("standby", meta.isInStandbyMode())
                .withDetail("jobsExecutedHere", meta.getNumberOfJobsExecuted());
        Trigger tick = scheduler.getTrigger(SnapshotSchedule.QUARTER_HOURLY);
        if (tick != null) {
            Date next = tick.getNextFireTime();
            builder.withDetail("nextTick", next == null ? "none" : next.toInstant().toString());
        }
    }
}
