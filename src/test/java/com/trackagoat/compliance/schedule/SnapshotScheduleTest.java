package com.trackagoat.compliance.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;
import org.quartz.CronExpression;
import org.quartz.CronTrigger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDetail;

/** The serve tick fires at every due instant of every zone, once after downtime, one node at a time. */
class SnapshotScheduleTest {

    private static final Duration SETTLE_DELAY = Duration.ofHours(48);

    @Test
    void everyLocalMidnightAndEveryFinalOfEveryZoneIn2026And2027IsATickOfTheQuarterHourlyCron() throws ParseException {
        // given the tick's cron in UTC, and every IANA zone's local midnights (DST changes included)
        CronExpression cron = new CronExpression(SnapshotSchedule.CRON);
        cron.setTimeZone(TimeZone.getTimeZone("UTC"));
        List<String> missed = new ArrayList<>();
        for (String id : ZoneId.getAvailableZoneIds()) {
            ZoneId zone = ZoneId.of(id);
            for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() < 2028; day = day.plusDays(1)) {
                Instant midnight = day.atStartOfDay(zone).toInstant();
                // then the close and nightly instant, and the final's, are fire times
                for (Instant due : List.of(midnight, midnight.plus(SETTLE_DELAY))) {
                    if (!cron.isSatisfiedBy(Date.from(due))) {
                        missed.add(id + " " + due);
                    }
                }
            }
        }
        assertThat(missed).isEmpty();
    }

    @Test
    void theTickFiresOnceAfterDowntimeAndIsRecoveredAndNeverConcurrent() {
        CronTrigger trigger = (CronTrigger) SnapshotSchedule.quarterHourly();
        JobDetail job = SnapshotSchedule.tickJob();
        assertThat(trigger.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        assertThat(trigger.getTimeZone().getID()).isEqualTo("UTC");
        assertThat(trigger.getJobKey()).isEqualTo(job.getKey());
        assertThat(job.isDurable()).isTrue();
        assertThat(job.requestsRecovery()).isTrue();
        assertThat(job.isConcurrentExecutionDisallowed()).isTrue();
        assertThat(SnapshotTick.class).hasAnnotation(DisallowConcurrentExecution.class);
    }
}
