package com.trackagoat.compliance.schedule;

import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * The Quartz job and triggers of {@code serve}.
 *
 * <p>Why one quarter-hourly trigger rather than one cron trigger per time zone: every IANA zone's offset is a
 * multiple of 15 minutes, so every local midnight, and every final's instant (a close plus the settle delay,
 * 48 h by default), is a quarter hour in UTC, including across DST changes, where a per-zone cron would miss
 * finals that fall at 23:00 or 01:00 local time. Zones added to the data need no new trigger. A tick where
 * nothing is due costs a few small queries.
 */
final class SnapshotSchedule {

    static final JobKey TICK = JobKey.jobKey("snapshotTick", "goal-compliance");
    static final TriggerKey QUARTER_HOURLY = TriggerKey.triggerKey("everyQuarterHour", "goal-compliance");
    static final String CRON = "0 0/15 * * * ?";
    /** A one-shot firing of the tick at the next retry of a failed instance, when that comes before a tick. */
    static final TriggerKey RETRY = TriggerKey.triggerKey("retryFailed", "goal-compliance");

    private SnapshotSchedule() {
    }

    /** Durable, and re-run by another node if the node running it dies (its job instances then resume). */
    static JobDetail tickJob() {
        return JobBuilder.newJob(SnapshotTick.class)
                .withIdentity(TICK)
                .withDescription("Runs every snapshot job that is due and has not completed")
                .storeDurably()
                .requestRecovery()
                .build();
    }

    /** Fires the tick once at {@code at}; late (downtime, or the tick was still running), it fires at once. */
    static Trigger retryAt(Instant at) {
        return TriggerBuilder.newTrigger()
                .withIdentity(RETRY)
                .forJob(TICK)
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
    }

    /** After downtime the missed firings fire once, and that one catch-up runs everything missed. */
    static Trigger quarterHourly() {
        return TriggerBuilder.newTrigger()
                .withIdentity(QUARTER_HOURLY)
                .forJob(TICK)
                .withSchedule(CronScheduleBuilder.cronSchedule(CRON)
                        .inTimeZone(TimeZone.getTimeZone("UTC"))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
