package com.trackagoat.compliance.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the tick fire at the next retry of a failed instance when that comes before the next quarter-hourly
 * tick, so that a first retry after a minute does not wait up to 15. One trigger, replaced by every tick that
 * computes a retry time: the time is derived from the job repository, so a stale firing only costs a tick
 * that finds nothing due. Stored in Quartz's job store, it survives restarts and fires on one replica.
 */
class RetryTrigger {

    private static final Logger log = LoggerFactory.getLogger(RetryTrigger.class);

    private final Scheduler scheduler;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RetryTrigger(Scheduler scheduler, TransactionTemplate transactions, Clock clock) {
        this.scheduler = scheduler;
        this.transactions = transactions;
        this.clock = clock;
    }

    void fireAt(Instant retry) throws SchedulerException {
        Trigger quarterHourly = scheduler.getTrigger(SnapshotSchedule.QUARTER_HOURLY);
        Date nextTick = quarterHourly == null ? null : quarterHourly.getNextFireTime();
        if (nextTick != null && !retry.isBefore(nextTick.toInstant())) {
            return;
        }
        Instant now = clock.instant();
        Trigger trigger = SnapshotSchedule.retryAt(retry.isAfter(now) ? retry : now);
        // In one transaction, as Serve registers the tick: the job store takes Quartz's cluster lock in it.
        transactions.executeWithoutResult(status -> {
            try {
                if (scheduler.getTrigger(SnapshotSchedule.RETRY) == null) {
                    scheduler.scheduleJob(trigger);
                } else {
                    scheduler.rescheduleJob(SnapshotSchedule.RETRY, trigger);
                }
            } catch (SchedulerException e) {
                throw new IllegalStateException(e);
            }
        });
        log.info("next retry of a failed snapshot job at {}, before the next tick at {}", retry,
                nextTick == null ? "none" : nextTick.toInstant());
    }
}
