package com.trackagoat.compliance.evaluation;

import static com.trackagoat.compliance.evaluation.TestData.CHICAGO;
import static com.trackagoat.compliance.evaluation.TestData.UTC;
import static com.trackagoat.compliance.evaluation.TestData.at;
import static com.trackagoat.compliance.evaluation.TestData.goal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which snapshot a goal gets at a midnight. 2026-05-18 and 2026-05-25 are Mondays. */
class PhaseAtTest {

    private final GoalEvaluator evaluator = new GoalEvaluator(EvaluationSettings.DEFAULTS);

    @Test
    void anOpenEndedDailyGoalClosesAtEveryMidnight() {
        Goal daily = goal().daily().build();

        assertThat(phase(daily, "2026-05-20T00:00:00Z")).contains(Phase.CLOSE);
        assertThat(phase(daily, "2026-05-21T00:00:00Z")).contains(Phase.CLOSE);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"2026-05-19T00:00:00Z, NIGHTLY", "2026-05-20T00:00:00Z, NIGHTLY", "2026-05-21T00:00:00Z, CLOSE",
            "2026-05-22T00:00:00Z, CLOSE", "2026-05-23T00:00:00Z, CLOSE", "2026-05-24T00:00:00Z, NONE"})
    void aDailyGoalFrom20To22May(String midnight, String expected) {
        Goal daily = goal().daily().startDate("2026-05-20").endDate("2026-05-22").build();

        assertThat(phase(daily, midnight)).isEqualTo(phaseNamed(expected));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"2026-05-18T00:00:00Z, CLOSE", "2026-05-19T00:00:00Z, NIGHTLY", "2026-05-24T00:00:00Z, NIGHTLY",
            "2026-05-25T00:00:00Z, CLOSE"})
    void aWeeklyGoalClosesOnMondaysAndIsSnapshotNightlyInBetween(String midnight, String expected) {
        assertThat(phase(goal().weekly().build(), midnight)).isEqualTo(phaseNamed(expected));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"2026-05-01T00:00:00Z, CLOSE", "2026-05-02T00:00:00Z, NIGHTLY", "2026-05-31T00:00:00Z, NIGHTLY",
            "2026-06-01T00:00:00Z, CLOSE"})
    void aMonthlyGoalClosesOnTheFirst(String midnight, String expected) {
        assertThat(phase(goal().monthly().build(), midnight)).isEqualTo(phaseNamed(expected));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"2026-05-18T00:00:00Z, NIGHTLY", "2026-05-20T00:00:00Z, NIGHTLY", "2026-05-21T00:00:00Z, NIGHTLY",
            "2026-05-25T00:00:00Z, CLOSE", "2026-05-26T00:00:00Z, NIGHTLY"})
    void aWeeklyGoalStartingMidWeekIsNightlyUntilItsFirstMonday(String midnight, String expected) {
        Goal fromWednesday = goal().weekly().startDate("2026-05-20").build();

        assertThat(phase(fromWednesday, midnight)).isEqualTo(phaseNamed(expected));
    }

    @Test
    void aGoalStartingOnAMondayDoesNotCloseThatMonday() {
        assertThat(phase(goal().weekly().startDate("2026-05-25").build(), "2026-05-25T00:00:00Z"))
                .contains(Phase.NIGHTLY);
        assertThat(phase(goal().monthly().startDate("2026-06-01").build(), "2026-06-01T00:00:00Z"))
                .contains(Phase.NIGHTLY);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"2026-05-20T00:00:00Z, NIGHTLY", "2026-05-21T00:00:00Z, CLOSE", "2026-05-22T00:00:00Z, NONE",
            "2026-05-25T00:00:00Z, NONE"})
    void aGoalEndingMidWeekClosesTheMidnightAfterItsEndDateAndThenStops(String midnight, String expected) {
        Goal untilWednesday = goal().weekly().endDate("2026-05-20").build();

        assertThat(phase(untilWednesday, midnight)).isEqualTo(phaseNamed(expected));
    }

    @Test
    void aGoalEndingOnSundayClosesOnceOnMonday() {
        Goal untilSunday = goal().weekly().endDate("2026-05-24").build();

        assertThat(phase(untilSunday, "2026-05-25T00:00:00Z")).contains(Phase.CLOSE);
        assertThat(phase(untilSunday, "2026-05-26T00:00:00Z")).isEmpty();
    }

    @Test
    void aGoalNotYetStartedIsSnapshotNightlyLongBeforeItsStart() {
        assertThat(phase(goal().monthly().startDate("2026-09-15").build(), "2026-06-01T00:00:00Z"))
                .contains(Phase.NIGHTLY);
    }

    @Test
    void anInactiveGoalGetsNothing() {
        assertThat(phase(goal().inactive().build(), "2026-05-25T00:00:00Z")).isEmpty();
    }

    @Test
    void aGoalGetsNothingBeforeItWasCreated() {
        Goal created = goal().createdAt("2026-05-25T00:00:00Z").build();

        assertThat(phase(created, "2026-05-24T00:00:00Z")).isEmpty();
        assertThat(phase(created, "2026-05-25T00:00:00Z")).contains(Phase.CLOSE);
    }

    @Test
    void onlyLocalMidnightsAreSnapshotInstants() {
        Goal daily = goal().daily().build();

        assertThat(evaluator.phaseAt(daily, CHICAGO, true, at("2026-05-20T00:00:00Z"))).isEmpty();
        assertThat(evaluator.phaseAt(daily, CHICAGO, true, at("2026-05-20T05:00:00Z"))).contains(Phase.CLOSE);
        assertThat(evaluator.phaseAt(daily, UTC, true, at("2026-05-20T00:00:00.001Z"))).isEmpty();
    }

    @Test
    void anInvalidTimeZoneIsRejectedNightlyAtEveryUtcMidnightWhateverTheDates() {
        Goal ended = goal().daily().endDate("2026-01-31").build();

        assertThat(evaluator.phaseAt(ended, "Mars/Olympus", true, at("2026-05-20T00:00:00Z")))
                .contains(Phase.NIGHTLY);
        assertThat(evaluator.phaseAt(ended, null, true, at("2026-05-25T00:00:00Z"))).contains(Phase.NIGHTLY);
        assertThat(evaluator.phaseAt(ended, "Mars/Olympus", true, at("2026-05-20T05:00:00Z"))).isEmpty();
        assertThat(evaluator.phaseAt(goal().inactive().build(), "Mars/Olympus", true, at("2026-05-20T00:00:00Z")))
                .isEmpty();
    }

    @Test
    void unschedulableGoalsAreRejectedNightlyAtEveryLocalMidnight() {
        Instant mondayInChicago = at("2026-05-25T05:00:00Z");

        assertThat(evaluator.phaseAt(goal().period("hourly").build(), CHICAGO, true, mondayInChicago))
                .contains(Phase.NIGHTLY);
        assertThat(evaluator.phaseAt(goal().startDate("2026-02-01").endDate("2026-01-01").build(), CHICAGO, true,
                mondayInChicago)).contains(Phase.NIGHTLY);
        assertThat(evaluator.phaseAt(goal().endDate("2026-01-01").build(), CHICAGO, false, mondayInChicago))
                .contains(Phase.NIGHTLY);
    }

    @Test
    void otherBadGoalsAreRejectedInThePhaseTheirDatesGive() {
        Goal zeroTarget = goal().weekly().target(0L).endDate("2026-05-24").build();

        assertThat(phase(zeroTarget, "2026-05-20T00:00:00Z")).contains(Phase.NIGHTLY);
        assertThat(phase(zeroTarget, "2026-05-25T00:00:00Z")).contains(Phase.CLOSE);
        assertThat(phase(zeroTarget, "2026-05-26T00:00:00Z")).isEmpty();
        assertThat(phase(goal().metric("saves").build(), "2026-05-25T00:00:00Z")).contains(Phase.CLOSE);
    }

    private Optional<Phase> phase(Goal goal, String midnight) {
        return evaluator.phaseAt(goal, UTC, true, at(midnight));
    }

    private static Optional<Phase> phaseNamed(String name) {
        return name.equals("NONE") ? Optional.empty() : Optional.of(Phase.valueOf(name));
    }
}
