package com.trackagoat.compliance.evaluation;

import static com.trackagoat.compliance.evaluation.TestData.UTC;
import static com.trackagoat.compliance.evaluation.TestData.activity;
import static com.trackagoat.compliance.evaluation.TestData.at;
import static com.trackagoat.compliance.evaluation.TestData.evaluated;
import static com.trackagoat.compliance.evaluation.TestData.goal;
import static com.trackagoat.compliance.evaluation.TestData.rejected;
import static com.trackagoat.compliance.evaluation.TestData.video;
import static com.trackagoat.compliance.evaluation.TestData.window;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** Live views at any instant, and finals settled on recorded terms (UTC; 2026-05-18 is a Monday). */
class LiveAndFinalEvaluationTest {

    private final GoalEvaluator evaluator = new GoalEvaluator(EvaluationSettings.DEFAULTS);

    @Test
    void liveShowsTheWindowContainingAsOf() {
        // when
        Evaluation live = live(goal().weekly().build(), "2026-05-21T11:36:00Z", activity().build());

        // then
        assertThat(live.terms().window()).isEqualTo(window("2026-05-18T00:00:00Z", "2026-05-25T00:00:00Z"));
        assertThat(live.advisory().periodInProgress()).isTrue();
    }

    @Test
    void liveWindowIsTheWindowTheLiveEvaluationUsesAndNoneForARejectedGoal() {
        Goal ended = goal().weekly().endDate("2026-03-04").build();

        assertThat(evaluator.liveWindow(ended, UTC, at("2026-05-21T11:36:00Z")))
                .contains(window("2026-03-02T00:00:00Z", "2026-03-05T00:00:00Z"))
                .contains(live(ended, "2026-05-21T11:36:00Z", activity().build()).terms().window());
        assertThat(evaluator.liveWindow(goal().weekly().build(), "Mars/Olympus", at("2026-05-21T11:36:00Z")))
                .isEmpty();
    }

    @Test
    void liveBeforeTheStartShowsTheCalendarPeriodNotYetStarted() {
        // when
        Evaluation live = live(goal().monthly().startDate("2026-07-01").build(), "2026-05-21T11:36:00Z",
                activity().posts(2, "2026-05-20T00:00:00Z").build());

        // then
        assertThat(live.terms().window()).isEqualTo(window("2026-05-01T00:00:00Z", "2026-06-01T00:00:00Z"));
        assertThat(live.actual()).isZero();
        assertThat(live.advisory().notYetStarted()).isTrue();
    }

    @Test
    void liveAfterTheEndShowsTheLastWindowClosed() {
        // given a goal that ended on Wednesday, with 3 posts in its last window
        Goal ended = goal().weekly().target(3L).endDate("2026-05-20").build();
        CreatorActivity posts = activity().posts(3, "2026-05-19T00:00:00Z").posts(4, "2026-05-22T00:00:00Z").build();

        // when
        Evaluation live = live(ended, "2026-06-10T12:00:00Z", posts);

        // then
        assertThat(live.terms().window()).isEqualTo(window("2026-05-18T00:00:00Z", "2026-05-21T00:00:00Z"));
        assertThat(live.actual()).isEqualTo(3);
        assertThat(live.status()).isEqualTo(Status.COMPLETED);
        assertThat(live.advisory().hoursSincePeriodEnd()).isEqualTo(new BigDecimal("492.0"));
        assertThat(live.advisory().hoursUntilPeriodEnd()).isNull();
    }

    @Test
    void aFinalSettlesTheRecordedTermsOnTheDataVisibleThen() {
        // given a close that missed 10 posts with 9, and a post found after the close
        Terms closeTerms = new Terms(Metric.POSTS, 10, window("2026-05-18T00:00:00Z", "2026-05-25T00:00:00Z"));
        CreatorActivity posts = activity().posts(9, "2026-05-20T00:00:00Z")
                .with(video("2026-05-24T23:00:00Z").discoveredAt("2026-05-25T09:00:00Z")).build();

        // when
        Evaluation fin = evaluated(evaluator.settle(closeTerms, posts, at("2026-05-27T00:00:00Z")));

        // then
        assertThat(fin.terms()).isEqualTo(closeTerms);
        assertThat(fin.actual()).isEqualTo(10);
        assertThat(fin.status()).isEqualTo(Status.COMPLETED);
        assertThat(fin.advisory().periodRecentlyEnded()).isFalse();
        assertThat(fin.advisory().notYetStarted()).isFalse();
        assertThat(fin.advisory().hoursSincePeriodEnd()).isEqualTo(new BigDecimal("48.0"));
    }

    @Test
    void aFinalIsRejectedForInvalidData() {
        // given
        Terms closeTerms = new Terms(Metric.LIKES, 10, window("2026-05-18T00:00:00Z", "2026-05-25T00:00:00Z"));
        CreatorActivity negative = activity().with(video("2026-05-20T00:00:00Z").likes(-2L)).build();

        // then
        assertThat(rejected(evaluator.settle(closeTerms, negative, at("2026-05-27T00:00:00Z"))).reason())
                .isEqualTo(RejectReason.INVALID_DATA);
    }

    private Evaluation live(Goal goal, String asOf, CreatorActivity activity) {
        return evaluated(evaluator.evaluateLive(goal, UTC, true, activity, at(asOf)));
    }
}
