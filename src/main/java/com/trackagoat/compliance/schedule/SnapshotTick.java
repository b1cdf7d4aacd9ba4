package com.trackagoat.compliance.schedule;

import java.time.Clock;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.trackagoat.compliance.snapshot.catchup.CatchUp;

/**
 * The Quartz job of {@code serve}: runs what {@code catch-up} would run now, and also any gap in the look-back
 * ({@link CatchUp#runDue}); failed instances are retried with a growing delay, and when the next retry comes
 * before the next tick, the tick is fired once more then ({@link RetryTrigger}). Quartz fires it at every quarter
 * hour (every organization's local midnight, and every final's settle instant, falls on one) and once at each
 * start. {@link DisallowConcurrentExecution} holds across the cluster in the JDBC job store, so one node at a
 * time runs it; the snapshot launcher's per-instance locks make each job instance run once even so.
 */
@DisallowConcurrentExecution
public class SnapshotTick implements Job {

    private static final Logger log = LoggerFactory.getLogger(SnapshotTick.class);

    private final CatchUp catchUp;
    private final RetryTrigger retryTrigger;
    private final Clock clock;

    public SnapshotTick(CatchUp catchUp, RetryTrigger retryTrigger, Clock clock) {
        this.catchUp = catchUp;
        this.retryTrigger = retryTrigger;
        this.clock = clock;
    }

    /**
     * Never throws: a failed instance is in the summary (and the {@code snapshots} health), and a tick that
     * cannot read the job repository is logged here; the next tick tries again either way.
     */
    @Override
    public void execute(JobExecutionContext context) {
        if (context.isRecovering()) {
            log.warn("re-running the snapshot tick of a scheduler node that died (fired at {})",
                    context.getScheduledFireTime().toInstant());
        }
        try {
            CatchUp.Summary summary = catchUp.runDue(clock.instant());
            if (summary.nextRetry().isPresent()) {
                retryTrigger.fireAt(summary.nextRetry().get());
            }
        } catch (Exception e) {
            log.error("snapshot tick failed; the next tick tries again: {}", e.toString());
        }
    }
}
