package com.trackagoat.compliance.snapshot.retention;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * {@code serve}'s partition upkeep: a {@link PartitionMaintenance} round at start, then every hour, on one
 * daemon thread of a Spring task scheduler. Per replica rather than a clustered Quartz job: a round is cheap
 * and guarded by its own advisory lock, and a Quartz job class stored in the shared job store would fail on a
 * replica of the previous version during a rolling update. A failed round is logged; the next hour tries again.
 */
public class PartitionMaintenanceSchedule implements DisposableBean {

    static final Duration EVERY = Duration.ofHours(1);
    /** How long stopping waits for a round in progress (a DETACH waits for the transactions reading the table). */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(PartitionMaintenanceSchedule.class);

    private final PartitionMaintenance maintenance;
    private ThreadPoolTaskScheduler scheduler;

    PartitionMaintenanceSchedule(PartitionMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    /** Runs a round now, then hourly, until {@link #stop()}. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        ThreadPoolTaskScheduler tasks = new ThreadPoolTaskScheduler();
        tasks.setThreadNamePrefix("partition-maintenance-");
        tasks.setDaemon(true);
        tasks.setWaitForTasksToCompleteOnShutdown(true);
        tasks.setAwaitTerminationMillis(STOP_WAIT.toMillis());
        tasks.initialize();
        tasks.scheduleWithFixedDelay(this::round, EVERY);
        scheduler = tasks;
        log.info("partitions: made ahead every {}; nightly rows {}", PartitionMaintenance.spoken(EVERY),
                maintenance.retention().map(r -> "dropped by the month once older than " + PartitionMaintenance.spoken(r))
                        .orElse("kept for good (no retention set)"));
    }

    /** Stops the schedule; waits up to {@link #STOP_WAIT} for a round in progress. A second call does nothing. */
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
    }

    /** Also stopped when the context closes, before the data source it uses is closed. */
    @Override
    public void destroy() {
        stop();
    }

    private void round() {
        try {
            maintenance.run();
        } catch (RuntimeException e) {
            log.warn("partitions: maintenance failed; the next round tries again in {}: {}",
                    PartitionMaintenance.spoken(EVERY), e.toString());
        }
    }
}
