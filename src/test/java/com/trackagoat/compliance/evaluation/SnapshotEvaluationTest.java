package com.trackagoat.compliance.evaluation;

import static com.trackagoat.compliance.evaluation.TestData.UTC;
import static com.trackagoat.compliance.evaluation.TestData.activity;
import static com.trackagoat.compliance.evaluation.TestData.at;
import static com.trackagoat.compliance.evaluation.TestData.evaluated;
import static com.trackagoat.compliance.evaluation.TestData.goal;
import static com.trackagoat.compliance.evaluation.TestData.rejected;
import static com.trackagoat.compliance.evaluation.TestData.scrape;
import static com.trackagoat.compliance.evaluation.TestData.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Close and nightly snapshots (UTC; 2026-05-18 and 2026-05-25 are Mondays). */
class SnapshotEvaluationTest {

    private final GoalEvaluator evaluator = new GoalEvaluator(EvaluationSettings.DEFAULTS);

    @Test
    void aCloseEvaluatesTheWindowEndingAtItsMidnight() {
        // given 12 posts during the week, one more after it
        Goal weekly = goal().weekly().target(10L).build();
        CreatorActivity posts = activity().posts(12, "2026-05-20T10:00:00Z").posts(1, "2026-05-25T00:00:00Z")
                .with(scrape("2026-05-24T23:00:00Z", 5L)).build();

        // when
        Evaluation close = snapshot(weekly, Phase.CLOSE, "2026-05-25T00:00:00Z", posts);

        // then
        assertThat(close.terms()).isEqualTo(new Terms(Metric.POSTS, 10,
                window("2026-05-18T00:00:00Z", "2026-05-25T00:00:00Z")));
        assertThat(close.actual()).isEqualTo(12);
        assertThat(close.percentage()).isEqualTo(120);
        assertThat(close.status()).isEqualTo(Status.COMPLETED);
        assertThat(close.advisory().periodRecentlyEnded()).isTrue();
        assertThat(close.advisory().hasAdvisory()).isTrue();
    }

    @Test
    void aNightlyEvaluatesTheWindowContainingItsMidnight() {
        // given
        Goal weekly = goal().weekly().target(14L).build();
        CreatorActivity posts = activity().posts(4, "2026-05-19T10:00:00Z").build();

        // when Wednesday: two of seven days gone, 4 of 14 is exactly on pace
        Evaluation nightly = snapshot(weekly, Phase.NIGHTLY, "2026-05-20T00:00:00Z", posts);

        // then
        assertThat(nightly.terms().window()).isEqualTo(window("2026-05-18T00:00:00Z", "2026-05-25T00:00:00Z"));
        assertThat(nightly.status()).isEqualTo(Status.ON_TRACK);
        assertThat(nightly.advisory().hoursUntilPeriodEnd()).isEqualByComparingTo("120");
    }

    @Test
    void windowsAreClippedToTheGoalsDates() {
        // given a goal running Wednesday to Friday
        Goal shortGoal = goal().weekly().startDate("2026-05-20").endDate("2026-05-22").build();

        // then
        assertThat(evaluator.snapshotWindow(shortGoal, UTC, Phase.NIGHTLY, at("2026-05-21T00:00:00Z")))
                .contains(window("2026-05-20T00:00:00Z", "2026-05-23T00:00:00Z"));
        assertThat(evaluator.snapshotWindow(shortGoal, UTC, Phase.CLOSE, at("2026-05-23T00:00:00Z")))
                .contains(window("2026-05-20T00:00:00Z", "2026-05-23T00:00:00Z"));
    }

    @Test
    void aGoalNotYetStartedReportsTheCalendarPeriodWithNothingCounted() {
        // given a goal starting on Friday with posts already on Tuesday
        Goal fromFriday = goal().weekly().startDate("2026-05-22").build();
        CreatorActivity posts = activity().posts(3, "2026-05-19T10:00:00Z").build();

        // when
        Evaluation nightly = snapshot(fromFriday, Phase.NIGHTLY, "2026-05-21T00:00:00Z", posts);

        // then
        assertThat(nightly.terms().window()).isEqualTo(window("2026-05-18T00:00:00Z", "2026-05-25T00:00:00Z"));
        assertThat(nightly.actual()).isZero();
        assertThat(nightly.status()).isEqualTo(Status.ON_TRACK);
        assertThat(nightly.advisory().notYetStarted()).isTrue();
        assertThat(nightly.advisory().goalStartDate()).isEqualTo(LocalDate.parse("2026-05-22"));
        assertThat(nightly.advisory().messages()).contains("Goal starts on 2026-05-22. No data has accrued yet.");
    }

    @Test
    void onItsStartDateAGoalHasStarted() {
        // when
        Evaluation nightly = snapshot(goal().weekly().startDate("2026-05-22").build(), Phase.NIGHTLY,
                "2026-05-22T00:00:00Z", activity().build());

        // then
        assertThat(nightly.advisory().notYetStarted()).isFalse();
        assertThat(nightly.terms().window()).isEqualTo(window("2026-05-22T00:00:00Z", "2026-05-25T00:00:00Z"));
    }

    @Test
    void noWindowForAPhaseTheGoalDoesNotHaveThere() {
        Goal weekly = goal().weekly().build();

        assertThat(evaluator.snapshotWindow(weekly, UTC, Phase.CLOSE, at("2026-05-20T00:00:00Z"))).isEmpty();
        assertThat(evaluator.snapshotWindow(weekly, UTC, Phase.FINAL, at("2026-05-20T00:00:00Z"))).isEmpty();
        assertThat(evaluator.snapshotWindow(goal().target(0L).build(), UTC, Phase.CLOSE,
                at("2026-05-25T00:00:00Z"))).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> evaluator.evaluateSnapshot(weekly, UTC, true,
                Phase.CLOSE, at("2026-05-20T00:00:00Z"), activity().build()));
    }

    @Test
    void aNegativeCountRejectsTheSnapshotAsInvalidData() {
        // given
        Goal views = goal().metric("views").build();
        CreatorActivity negative = activity().with(TestData.video("2026-05-19T03:00:00Z").views(-5L)).build();

        // when
        Outcome outcome = evaluator.evaluateSnapshot(views, UTC, true, Phase.NIGHTLY, at("2026-05-20T00:00:00Z"),
                negative);

        // then
        assertThat(rejected(outcome).reason()).isEqualTo(RejectReason.INVALID_DATA);
    }

    private Evaluation snapshot(Goal goal, Phase phase, String midnight, CreatorActivity activity) {
        return evaluated(evaluator.evaluateSnapshot(goal, UTC, true, phase, at(midnight), activity));
    }
}
