package com.trackagoat.compliance.evaluation;

import static com.trackagoat.compliance.evaluation.TestData.CHICAGO;
import static com.trackagoat.compliance.evaluation.TestData.activity;
import static com.trackagoat.compliance.evaluation.TestData.at;
import static com.trackagoat.compliance.evaluation.TestData.evaluated;
import static com.trackagoat.compliance.evaluation.TestData.goal;
import static com.trackagoat.compliance.evaluation.TestData.scrape;
import static com.trackagoat.compliance.evaluation.TestData.window;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;

import org.junit.jupiter.api.Test;

/** Period boundaries are local midnights: DST changes, midnights lost to DST, odd offsets. */
class TimeZoneWindowTest {

    private final GoalEvaluator evaluator = new GoalEvaluator(EvaluationSettings.DEFAULTS);

    @Test
    void weeklyPeriodSpanningTheAutumnChangeInChicagoLasts169Hours() {
        // when the week of Monday 2026-10-26 closes (clocks go back on Sunday 2026-11-01)
        Window week = closingWindow(goal().weekly().build(), CHICAGO, "2026-11-02T06:00:00Z");

        // then
        assertThat(week).isEqualTo(window("2026-10-26T05:00:00Z", "2026-11-02T06:00:00Z"));
        assertThat(week.length()).isEqualTo(Duration.ofHours(169));
    }

    @Test
    void weeklyPeriodSpanningTheSpringChangeInChicagoLasts167Hours() {
        // when the week of Monday 2026-03-02 closes (clocks go forward on Sunday 2026-03-08)
        Window week = closingWindow(goal().weekly().build(), CHICAGO, "2026-03-09T05:00:00Z");

        // then
        assertThat(week).isEqualTo(window("2026-03-02T06:00:00Z", "2026-03-09T05:00:00Z"));
        assertThat(week.length()).isEqualTo(Duration.ofHours(167));
    }

    @Test
    void anHourBeforeTheNewMidnightIsNotAMidnightAfterTheAutumnChange() {
        Goal weekly = goal().weekly().build();

        assertThat(evaluator.phaseAt(weekly, CHICAGO, true, at("2026-11-02T05:00:00Z"))).isEmpty();
        assertThat(evaluator.phaseAt(weekly, CHICAGO, true, at("2026-11-02T06:00:00Z"))).contains(Phase.CLOSE);
    }

    @Test
    void havanasMissingMidnightStartsTheDayAtOneInTheMorning() {
        // given Havana skips from 00:00 to 01:00 on 2026-03-08
        assertThat(gapAt("America/Havana", LocalDateTime.parse("2026-03-08T00:00"))).isTrue();
        Goal daily = goal().daily().build();

        // when
        Window saturday = closingWindow(daily, "America/Havana", "2026-03-08T05:00:00Z");
        Window sunday = closingWindow(daily, "America/Havana", "2026-03-09T04:00:00Z");

        // then 01:00 EDT-like -04:00 is 05:00Z, the same instant as midnight EST would have been
        assertThat(saturday).isEqualTo(window("2026-03-07T05:00:00Z", "2026-03-08T05:00:00Z"));
        assertThat(sunday.length()).isEqualTo(Duration.ofHours(23));
        assertThat(evaluator.phaseAt(daily, "America/Havana", true, at("2026-03-08T04:00:00Z"))).isEmpty();
    }

    @Test
    void santiagosMissingMidnightAlsoResolvesToTheFirstValidInstant() {
        // given Santiago skips from 00:00 to 01:00 on 2026-09-06
        assertThat(gapAt("America/Santiago", LocalDateTime.parse("2026-09-06T00:00"))).isTrue();

        // when
        Window sunday = closingWindow(goal().daily().build(), "America/Santiago", "2026-09-07T03:00:00Z");

        // then
        assertThat(sunday).isEqualTo(window("2026-09-06T04:00:00Z", "2026-09-07T03:00:00Z"));
        assertThat(sunday.length()).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void lordHoweSpringDayLasts23AndAHalfHours() {
        // when the nightly of Sunday 2026-10-04 (clocks go from 02:00 to 02:30)
        Evaluation nightly = nightly(goal().weekly().build(), "Australia/Lord_Howe", "2026-10-03T13:30:00Z");

        // then
        assertThat(nightly.terms().window().end()).isEqualTo(at("2026-10-04T13:00:00Z"));
        assertThat(nightly.advisory().hoursUntilPeriodEnd()).isEqualTo(new BigDecimal("23.5"));
        assertThat(nightly.advisory().messages())
                .contains("Period in progress \u2014 closes in 23 hours. Final actual may be higher.");
    }

    @Test
    void lordHoweAutumnDayLasts24AndAHalfHours() {
        // when the nightly of Sunday 2026-04-05 (clocks go from 02:00 back to 01:30)
        Evaluation nightly = nightly(goal().weekly().build(), "Australia/Lord_Howe", "2026-04-04T13:00:00Z");

        // then
        assertThat(nightly.terms().window().end()).isEqualTo(at("2026-04-05T13:30:00Z"));
        assertThat(nightly.advisory().hoursUntilPeriodEnd()).isEqualTo(new BigDecimal("24.5"));
        assertThat(nightly.advisory().messages())
                .contains("Period in progress \u2014 closes in 1 day. Final actual may be higher.");
    }

    @Test
    void kathmanduWeeksStartAtQuarterPastSixPmUtc() {
        // when
        Evaluation nightly = nightly(goal().weekly().build(), "Asia/Kathmandu", "2026-10-20T18:15:00Z");

        // then
        assertThat(nightly.terms().window()).isEqualTo(window("2026-10-18T18:15:00Z", "2026-10-25T18:15:00Z"));
        assertThat(evaluator.phaseAt(goal().weekly().build(), "Asia/Kathmandu", true, at("2026-10-25T18:15:00Z")))
                .contains(Phase.CLOSE);
    }

    @Test
    void chathamMonthsFollowItsQuarterHourOffsets() {
        // when October (+13:45 throughout) and April (+13:45, then +12:45 from the 5th) close
        Window october = closingWindow(goal().monthly().build(), "Pacific/Chatham", "2026-10-31T10:15:00Z");
        Window april = closingWindow(goal().monthly().build(), "Pacific/Chatham", "2026-04-30T11:15:00Z");

        // then
        assertThat(october).isEqualTo(window("2026-09-30T10:15:00Z", "2026-10-31T10:15:00Z"));
        assertThat(april).isEqualTo(window("2026-03-31T10:15:00Z", "2026-04-30T11:15:00Z"));
        assertThat(april.length()).isEqualTo(Duration.ofDays(30).plusHours(1));
    }

    private Window closingWindow(Goal goal, String timezone, String midnight) {
        assertThat(evaluator.phaseAt(goal, timezone, true, at(midnight))).contains(Phase.CLOSE);
        return evaluator.snapshotWindow(goal, timezone, Phase.CLOSE, at(midnight)).orElseThrow();
    }

    private Evaluation nightly(Goal goal, String timezone, String midnight) {
        assertThat(evaluator.phaseAt(goal, timezone, true, at(midnight))).contains(Phase.NIGHTLY);
        return evaluated(evaluator.evaluateSnapshot(goal, timezone, true, Phase.NIGHTLY, at(midnight),
                activity().with(scrape(midnight, 1L)).build()));
    }

    private static boolean gapAt(String zone, LocalDateTime local) {
        ZoneOffsetTransition transition = ZoneId.of(zone).getRules().getTransition(local);
        return transition != null && transition.isGap();
    }
}
