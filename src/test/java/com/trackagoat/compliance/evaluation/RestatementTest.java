package com.trackagoat.compliance.evaluation;

import static com.trackagoat.compliance.evaluation.TestData.activity;
import static com.trackagoat.compliance.evaluation.TestData.at;
import static com.trackagoat.compliance.evaluation.TestData.scrape;
import static com.trackagoat.compliance.evaluation.TestData.video;
import static com.trackagoat.compliance.evaluation.TestData.window;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** compliance.md "Restatements": a final's actual plus what videos discovered after it add. */
class RestatementTest {

    private static final GoalEvaluator EVALUATOR = new GoalEvaluator(EvaluationSettings.DEFAULTS);
    /** A Chicago week (CDT), its final 48 h after, its restatement 7 days after that. */
    private static final Window WEEK = window("2026-05-18T05:00:00Z", "2026-05-25T05:00:00Z");
    private static final String FINAL = "2026-05-27T05:00:00Z";
    private static final String RESTATED = "2026-06-03T05:00:00Z";
    private static final String IN_WEEK = "2026-05-20T15:00:00Z";
    private static final String LATE = "2026-05-30T12:00:00Z";

    @Test
    void latePostsAddTheirNumberAndCanFlipAMissToCompleted() {
        Settled missed = settled(Metric.POSTS, 5, 4, Status.MISSED, Eligibility.INELIGIBLE);

        Restatement restated = EVALUATOR.restate(missed, activity()
                .with(video(IN_WEEK).discoveredAt(LATE), video(IN_WEEK).discoveredAt(LATE))
                .with(scrape("2026-06-03T01:00:00Z", 10L)).build(), at(RESTATED));

        Restatement.Restated row = (Restatement.Restated) restated;
        assertThat(row.evaluation().actual()).isEqualTo(6);
        assertThat(row.evaluation().status()).isEqualTo(Status.COMPLETED);
        assertThat(row.evaluation().percentage()).isEqualTo(120);
        assertThat(row.eligibility()).isEqualTo(Eligibility.ELIGIBLE);
        assertThat(row.evaluation().advisory().periodRecentlyEnded()).isFalse();
        assertThat(row.evaluation().advisory().hoursSincePeriodEnd()).isEqualByComparingTo("216.0");
    }

    @Test
    void aSummedMetricAddsTheLateVideosColumnsAndAStaleMissNeedsReview() {
        Settled missed = settled(Metric.ENGAGEMENT, 1_000, 100, Status.MISSED, Eligibility.NEEDS_REVIEW);

        Restatement restated = EVALUATOR.restate(missed, activity()
                .with(video(IN_WEEK).discoveredAt(LATE).likes(10L).comments(20L).shares(30L).views(9_999L))
                .build(), at(RESTATED));

        Restatement.Restated row = (Restatement.Restated) restated;
        assertThat(row.evaluation().actual()).isEqualTo(160);
        assertThat(row.evaluation().status()).isEqualTo(Status.MISSED);
        assertThat(row.eligibility()).isEqualTo(Eligibility.NEEDS_REVIEW); // no scrape at all: stale
    }

    @Test
    void onlyVideosPostedInTheWindowAndDiscoveredAfterTheFinalByTheRestatementCount() {
        Settled missed = settled(Metric.POSTS, 5, 1, Status.MISSED, Eligibility.INELIGIBLE);

        Restatement restated = EVALUATOR.restate(missed, activity().with(
                video(IN_WEEK).discoveredAt(FINAL), // the final counted it
                video("2026-05-25T05:00:00Z").discoveredAt(LATE), // posted after the window
                video(IN_WEEK).discoveredAt("2026-06-03T05:00:01Z"), // discovered after the restatement
                video(IN_WEEK).discoveredAt(RESTATED)).build(), at(RESTATED));

        assertThat(((Restatement.Restated) restated).evaluation().actual()).isEqualTo(2);
    }

    @Test
    void noLateVideoOrOneThatChangesNothingIsNotRestated() {
        Settled missed = settled(Metric.VIEWS, 100, 10, Status.MISSED, Eligibility.INELIGIBLE);

        assertThat(EVALUATOR.restate(missed, activity().build(), at(RESTATED)))
                .isInstanceOf(Restatement.Unchanged.class);
        assertThat(EVALUATOR.restate(missed, activity().with(video(IN_WEEK).discoveredAt(LATE).views(0L)).build(),
                at(RESTATED))).isInstanceOf(Restatement.Unchanged.class);
    }

    @Test
    void followerGoalsAreNeverRestated() {
        Settled missed = settled(Metric.FOLLOWERS, 100, 10, Status.MISSED, Eligibility.INELIGIBLE);

        assertThat(EVALUATOR.restate(missed, activity().with(video(IN_WEEK).discoveredAt(LATE))
                .with(scrape("2026-05-18T06:00:00Z", 0L), scrape("2026-06-01T00:00:00Z", 500L)).build(),
                at(RESTATED))).isInstanceOf(Restatement.Unchanged.class);
    }

    @Test
    void aLateVideoWithANegativeCountedValueIsInvalidData() {
        Settled missed = settled(Metric.LIKES, 100, 10, Status.MISSED, Eligibility.INELIGIBLE);

        Restatement restated = EVALUATOR.restate(missed, activity()
                .with(video(IN_WEEK).discoveredAt(LATE).likes(-3L)).build(), at(RESTATED));

        Rejection rejection = ((Restatement.Rejected) restated).rejection();
        assertThat(rejection.reason()).isEqualTo(RejectReason.INVALID_DATA);
        assertThat(rejection.detail()).contains("negative likes (-3)");
    }

    @Test
    void aRestatedSumPastThe64BitRangeIsInvalidData() {
        Settled missed = settled(Metric.VIEWS, Long.MAX_VALUE, Long.MAX_VALUE - 1, Status.MISSED,
                Eligibility.INELIGIBLE);

        Restatement restated = EVALUATOR.restate(missed, activity()
                .with(video(IN_WEEK).discoveredAt(LATE).views(2L)).build(), at(RESTATED));

        Rejection rejection = ((Restatement.Rejected) restated).rejection();
        assertThat(rejection.reason()).isEqualTo(RejectReason.INVALID_DATA);
        assertThat(rejection.detail()).contains("64-bit range");
    }

    private static Settled settled(Metric metric, long target, long actual, Status status, Eligibility eligibility) {
        return new Settled(new Terms(metric, target, WEEK), at(FINAL), actual, status, eligibility);
    }
}
