package com.trackagoat.compliance.evaluation;

import static com.trackagoat.compliance.evaluation.TestData.CHICAGO;
import static com.trackagoat.compliance.evaluation.TestData.activity;
import static com.trackagoat.compliance.evaluation.TestData.at;
import static com.trackagoat.compliance.evaluation.TestData.goal;
import static com.trackagoat.compliance.evaluation.TestData.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationTest {

    private final GoalEvaluator evaluator = new GoalEvaluator(EvaluationSettings.DEFAULTS);

    @ParameterizedTest
    @ValueSource(strings = {"America/Chicago", "UTC", "Asia/Kathmandu", "Pacific/Chatham"})
    void zoneOfAcceptsIanaRegionIds(String timezone) {
        assertThat(GoalEvaluator.zoneOf(timezone)).contains(ZoneId.of(timezone));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"Mars/Olympus", "+05:00", "UTC+3", "america/chicago", "EST", ""})
    void zoneOfRejectsAnythingButAnIanaRegionId(String timezone) {
        assertThat(GoalEvaluator.zoneOf(timezone)).isEmpty();
    }

    @Test
    void anInvalidTimeZoneIsScheduledOnUtc() {
        assertThat(GoalEvaluator.scheduleZone("Mars/Olympus")).isEqualTo(ZoneId.of("UTC"));
        assertThat(GoalEvaluator.scheduleZone(CHICAGO)).isEqualTo(ZoneId.of(CHICAGO));
    }

    @Test
    void aWellFormedGoalHasNoRejection() {
        assertThat(evaluator.validate(goal().build(), CHICAGO, true)).isEmpty();
    }

    @Test
    void invalidTimezoneNamesTheBadZone() {
        assertRejection(goal().build(), "Mars/Olympus", true, RejectReason.INVALID_TIMEZONE,
                "timezone 'Mars/Olympus' is not an IANA time zone");
        assertRejection(goal().build(), null, true, RejectReason.INVALID_TIMEZONE, "timezone is null");
    }

    @Test
    void unknownPeriodNamesThePeriod() {
        assertRejection(goal().period("hourly").build(), CHICAGO, true, RejectReason.UNKNOWN_PERIOD,
                "period 'hourly' is not daily, weekly or monthly");
        assertRejection(goal().period("Weekly").build(), CHICAGO, true, RejectReason.UNKNOWN_PERIOD,
                "period 'Weekly' is not daily, weekly or monthly");
        assertRejection(goal().period(null).build(), CHICAGO, true, RejectReason.UNKNOWN_PERIOD, "period is null");
    }

    @Test
    void invalidDateRangeNamesBothDates() {
        assertRejection(goal().startDate("2026-02-01").endDate("2026-01-01").build(), CHICAGO, true,
                RejectReason.INVALID_DATE_RANGE, "end_date 2026-01-01 is before start_date 2026-02-01");
    }

    @Test
    void aOneDayRangeIsValid() {
        assertThat(evaluator.validate(goal().startDate("2026-02-01").endDate("2026-02-01").build(), CHICAGO, true))
                .isEmpty();
    }

    @Test
    void missingCreatorNamesTheCreator() {
        assertRejection(goal().build(), CHICAGO, false, RejectReason.MISSING_CREATOR,
                "creator 00000000-0000-0000-0000-00000000000c does not exist");
    }

    @Test
    void invalidTargetForNullZeroAndNegativeTargets() {
        assertRejection(goal().target(null).build(), CHICAGO, true, RejectReason.INVALID_TARGET,
                "target_value is null");
        assertRejection(goal().target(0L).build(), CHICAGO, true, RejectReason.INVALID_TARGET, "target_value is 0");
        assertRejection(goal().target(-3L).build(), CHICAGO, true, RejectReason.INVALID_TARGET,
                "target_value is -3");
    }

    @Test
    void unknownMetricListsTheSevenMetrics() {
        assertRejection(goal().metric("saves").build(), CHICAGO, true, RejectReason.UNKNOWN_METRIC,
                "metric 'saves' is not one of posts, views, likes, comments, shares, engagement, followers");
        assertRejection(goal().metric(null).build(), CHICAGO, true, RejectReason.UNKNOWN_METRIC, "metric is null");
    }

    @Test
    void theFirstReasonInTheSpecTableWins() {
        // given a goal that is wrong in every way
        TestData.GoalBuilder bad = goal().period("hourly").startDate("2026-02-01").endDate("2026-01-01")
                .target(0L).metric("saves");

        // then each reason hides the ones after it
        assertThat(reason(bad.build(), "Mars/Olympus", false)).isEqualTo(RejectReason.INVALID_TIMEZONE);
        assertThat(reason(bad.build(), CHICAGO, false)).isEqualTo(RejectReason.UNKNOWN_PERIOD);
        assertThat(reason(bad.weekly().build(), CHICAGO, false)).isEqualTo(RejectReason.INVALID_DATE_RANGE);
        assertThat(reason(bad.endDate("2026-03-01").build(), CHICAGO, false))
                .isEqualTo(RejectReason.MISSING_CREATOR);
        assertThat(reason(bad.build(), CHICAGO, true)).isEqualTo(RejectReason.INVALID_TARGET);
        assertThat(reason(bad.target(5L).build(), CHICAGO, true)).isEqualTo(RejectReason.UNKNOWN_METRIC);
    }

    @Test
    void snapshotsAndLiveViewsOfABadGoalComeBackRejected() {
        // given
        Goal zeroTarget = goal().target(0L).build();

        // when
        Outcome snapshot = evaluator.evaluateSnapshot(zeroTarget, CHICAGO, true, Phase.CLOSE,
                at("2026-05-25T05:00:00Z"), activity().build());
        Outcome live = evaluator.evaluateLive(zeroTarget, CHICAGO, true, activity().build(),
                at("2026-05-21T11:36:00Z"));

        // then
        assertThat(rejected(snapshot)).isEqualTo(new Rejection(RejectReason.INVALID_TARGET, "target_value is 0"));
        assertThat(rejected(live).reason()).isEqualTo(RejectReason.INVALID_TARGET);
    }

    @Test
    void onlyTheUnschedulableReasonsRejectAtEveryMidnight() {
        assertThat(RejectReason.values()).filteredOn(RejectReason::rejectsEveryMidnight).containsExactly(
                RejectReason.INVALID_TIMEZONE, RejectReason.UNKNOWN_PERIOD, RejectReason.INVALID_DATE_RANGE,
                RejectReason.MISSING_CREATOR);
    }

    private RejectReason reason(Goal goal, String timezone, boolean creatorExists) {
        return evaluator.validate(goal, timezone, creatorExists).map(Rejection::reason).orElseThrow();
    }

    private void assertRejection(Goal goal, String timezone, boolean creatorExists, RejectReason reason,
                                 String detail) {
        assertThat(evaluator.validate(goal, timezone, creatorExists))
                .isEqualTo(Optional.of(new Rejection(reason, detail)));
    }
}
