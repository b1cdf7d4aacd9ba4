package com.trackagoat.compliance.schedule;

import java.time.Clock;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.trackagoat.compliance.snapshot.CatchUp;

/**
 * The Quartz job of {@code serve}: runs what {@code catch-up} would run now, and also any gap in the look-back
 * ({@link CatchUp#runDue}). Quartz fires it at every quarter
 * hour (every organization's local midnight, and every final's settle instant, falls on one) and once at each
 * start. {@link DisallowConcurrentExecution} holds across the cluster in the JDBC job store, so one node at a
 * time runs it; the snapshot launcher's per-instance locks make each job instance run once even so.
 */
@DisallowConcurrentExecution
public class SnapshotTick implements Job {

    private static final Logger log = LoggerFactory.getLogger(SnapshotTick.class);

    private final CatchUp catchUp;
    private final Clock clock;

    public SnapshotTick(CatchUp catchUp, Clock clock) {
        this.catchUp = catchUp;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) {
        if (context.isRecovering()) {
            log.warn("re-running the snapshot tick of a scheduler node that died (fired at {})",
                    context.getScheduledFireTime().toInstant());
        }
        catchUp.runDue(clock.instant());
    }
}
