package com.trackagoat.compliance.evaluation;

import static com.trackagoat.compliance.evaluation.TestData.activity;
import static com.trackagoat.compliance.evaluation.TestData.at;
import static com.trackagoat.compliance.evaluation.TestData.evaluated;
import static com.trackagoat.compliance.evaluation.TestData.failedScrape;
import static com.trackagoat.compliance.evaluation.TestData.rejected;
import static com.trackagoat.compliance.evaluation.TestData.scrape;
import static com.trackagoat.compliance.evaluation.TestData.video;
import static com.trackagoat.compliance.evaluation.TestData.window;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActualByMetricTest {

    private static final Window WEEK = window("2026-05-18T05:00:00Z", "2026-05-25T05:00:00Z");
    private static final String AS_OF = "2026-05-21T12:00:00Z";

    private final GoalEvaluator evaluator = new GoalEvaluator(EvaluationSettings.DEFAULTS);

    private final TestData.ActivityBuilder oneOfEach = activity().with(
            video("2026-05-18T05:00:00Z").views(100L).likes(10L).comments(3L).shares(1L),
            video("2026-05-20T10:00:00Z").views(50L).likes(null).comments(2L).shares(null),
            video("2026-05-21T11:00:00Z").views(null).likes(5L).comments(null).shares(4L));

    @ParameterizedTest
    @CsvSource({"POSTS, 3", "VIEWS, 150", "LIKES, 15", "COMMENTS, 5", "SHARES, 5", "ENGAGEMENT, 25"})
    void videoMetricsCountOrSumTheWindowsVideosWithUnscrapedCountersAsZero(Metric metric, long expected) {
        assertThat(actual(metric, oneOfEach.build(), AS_OF)).isEqualTo(expected);
    }

    @Test
    void aVideoPostedAtTheWindowStartCountsAndOnePostedAtItsEndDoesNot() {
        // given
        CreatorActivity videos = activity().with(video("2026-05-18T05:00:00Z"), video("2026-05-25T05:00:00Z"),
                video("2026-05-18T04:59:59.999Z")).build();

        // then
        assertThat(actual(Metric.POSTS, videos, "2026-05-26T00:00:00Z")).isEqualTo(1);
    }

    @Test
    void aVideoDiscoveredAfterAsOfIsNotCountedYet() {
        // given a video posted on Wednesday and found by the scraper on Friday
        CreatorActivity late = activity().with(
                video("2026-05-20T10:00:00Z").discoveredAt("2026-05-22T10:00:00Z").views(500L)).build();

        // then
        assertThat(actual(Metric.VIEWS, late, "2026-05-22T09:59:59Z")).isZero();
        assertThat(actual(Metric.VIEWS, late, "2026-05-22T10:00:00Z")).isEqualTo(500);
    }

    @Test
    void followersGainIsLatestScrapeInWindowMinusLatestScrapeAtOrBeforeItsStart() {
        // given
        CreatorActivity scrapes = activity().with(scrape("2026-05-17T00:00:00Z", 900L),
                scrape("2026-05-18T05:00:00Z", 1000L), scrape("2026-05-20T00:00:00Z", 1100L),
                scrape("2026-05-21T00:00:00Z", 1250L)).build();

        // then baseline is the scrape exactly at the start, current the latest one
        assertThat(actual(Metric.FOLLOWERS, scrapes, AS_OF)).isEqualTo(250);
    }

    @Test
    void followersBaselineFallsBackToTheFirstScrapeInsideTheWindow() {
        // given no scrape before the window
        CreatorActivity scrapes = activity().with(scrape("2026-05-19T00:00:00Z", 1000L),
                scrape("2026-05-20T00:00:00Z", 1040L), scrape("2026-05-21T00:00:00Z", 1100L)).build();

        // then
        assertThat(actual(Metric.FOLLOWERS, scrapes, AS_OF)).isEqualTo(100);
    }

    @Test
    void followersGainMayBeNegative() {
        // given
        CreatorActivity scrapes = activity().with(scrape("2026-05-17T00:00:00Z", 1000L),
                scrape("2026-05-21T00:00:00Z", 960L)).build();

        // when
        Evaluation evaluation = evaluated(evaluator.settle(new Terms(Metric.FOLLOWERS, 100, WEEK), scrapes,
                at(AS_OF)));

        // then
        assertThat(evaluation.actual()).isEqualTo(-40);
        assertThat(evaluation.percentage()).isZero();
        assertThat(evaluation.status()).isEqualTo(Status.AT_RISK);
    }

    @Test
    void followersCurrentIsTheLatestScrapeAtOrBeforeTheWindowEndWhenClosed() {
        // given a scrape after the window end
        CreatorActivity scrapes = activity().with(scrape("2026-05-17T00:00:00Z", 1000L),
                scrape("2026-05-25T05:00:00Z", 1300L), scrape("2026-05-25T06:00:00Z", 9999L)).build();

        // then
        assertThat(actual(Metric.FOLLOWERS, scrapes, "2026-05-27T05:00:00Z")).isEqualTo(300);
    }

    @Test
    void followersIgnoreFailedScrapesAndScrapesAfterAsOf() {
        // given
        CreatorActivity scrapes = activity().with(scrape("2026-05-17T00:00:00Z", 1000L),
                scrape("2026-05-20T00:00:00Z", 1100L), failedScrape("2026-05-21T00:00:00Z"),
                scrape("2026-05-21T13:00:00Z", 5000L)).build();

        // then
        assertThat(actual(Metric.FOLLOWERS, scrapes, AS_OF)).isEqualTo(100);
    }

    @Test
    void followersTreatASuccessfulScrapeWithoutAFollowerCountAsMissingData() {
        // given the latest successful scrape carries no follower count
        CreatorActivity scrapes = activity().with(scrape("2026-05-17T00:00:00Z", 1000L),
                scrape("2026-05-20T00:00:00Z", 1100L), scrape("2026-05-21T00:00:00Z", null)).build();

        // then the gain is read from the scrapes that have one
        assertThat(actual(Metric.FOLLOWERS, scrapes, AS_OF)).isEqualTo(100);
    }

    @Test
    void followersGainIsZeroWithoutAnyUsableScrape() {
        assertThat(actual(Metric.FOLLOWERS, activity().build(), AS_OF)).isZero();
        assertThat(actual(Metric.FOLLOWERS, activity().with(failedScrape("2026-05-20T00:00:00Z")).build(), AS_OF))
                .isZero();
        assertThat(actual(Metric.FOLLOWERS, activity().with(scrape("2026-05-25T06:00:00Z", 10L)).build(),
                "2026-05-26T00:00:00Z")).isZero();
    }

    @Test
    void aCountedVideoWithANegativeSummedValueIsInvalidData() {
        // given
        CreatorActivity negativeViews = activity().with(video("2026-05-20T03:00:00Z").views(-5L).likes(7L)).build();

        // when
        Outcome outcome = evaluator.settle(new Terms(Metric.VIEWS, 100, WEEK), negativeViews, at(AS_OF));

        // then
        assertThat(rejected(outcome)).isEqualTo(new Rejection(RejectReason.INVALID_DATA,
                "video posted at 2026-05-20T03:00:00Z has negative views (-5)"));
    }

    @ParameterizedTest
    @CsvSource({"POSTS, false", "VIEWS, true", "LIKES, false", "COMMENTS, false", "SHARES, false",
            "ENGAGEMENT, false", "FOLLOWERS, false"})
    void aNegativeViewCountOnlyRejectsAViewsGoal(Metric metric, boolean rejects) {
        // given
        CreatorActivity negativeViews = activity().with(video("2026-05-20T03:00:00Z").views(-5L)).build();

        // when
        Outcome outcome = evaluator.settle(new Terms(metric, 100, WEEK), negativeViews, at(AS_OF));

        // then
        assertThat(outcome instanceof Outcome.Rejected).isEqualTo(rejects);
    }

    @Test
    void engagementIsRejectedForANegativeLikeCommentOrShareCount() {
        // given
        CreatorActivity negativeShares = activity().with(video("2026-05-19T03:00:00Z").likes(3L),
                video("2026-05-20T03:00:00Z").likes(2L).shares(-1L)).build();

        // when
        Outcome outcome = evaluator.settle(new Terms(Metric.ENGAGEMENT, 100, WEEK), negativeShares, at(AS_OF));

        // then
        assertThat(rejected(outcome).detail())
                .isEqualTo("video posted at 2026-05-20T03:00:00Z has negative shares (-1)");
    }

    @Test
    void aNegativeValueOnAVideoThatDoesNotCountIsIgnored() {
        // given one video outside the window and one not yet discovered
        CreatorActivity uncounted = activity().with(video("2026-05-17T03:00:00Z").views(-5L),
                video("2026-05-20T03:00:00Z").discoveredAt("2026-05-22T00:00:00Z").views(-5L),
                video("2026-05-20T04:00:00Z").views(40L)).build();

        // then
        assertThat(actual(Metric.VIEWS, uncounted, AS_OF)).isEqualTo(40);
    }

    private long actual(Metric metric, CreatorActivity activity, String asOf) {
        return evaluated(evaluator.settle(new Terms(metric, 100, WEEK), activity, at(asOf))).actual();
    }
}
