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
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdvisoryTest {

    private static final Window WEEK = window("2026-05-18T05:00:00Z", "2026-05-25T05:00:00Z");
    private static final String IN_PROGRESS = "Period in progress \u2014 closes in %s. Final actual may be higher.";
    private static final String ENDED = "Period ended %s ago. "
            + "Late-period posts may still be processing through scrape.";
    private static final String STALE = "Stats last scraped %s ago. Views, engagement, or follower counts may "
            + "undercount until the next scrape runs.";

    private final GoalEvaluator evaluator = new GoalEvaluator(EvaluationSettings.DEFAULTS);

    @ParameterizedTest(name = "at {0}: closes in {1}")
    @CsvSource({"2026-05-18T05:00:00Z, 7 days", "2026-05-23T05:00:00Z, 2 days", "2026-05-24T05:00:00Z, 1 day",
            "2026-05-24T05:00:00.001Z, 23 hours", "2026-05-25T00:00:00Z, 5 hours", "2026-05-25T04:00:00Z, 1 hour",
            "2026-05-25T04:00:00.001Z, less than an hour", "2026-05-25T04:59:59.999Z, less than an hour"})
    void anOpenPeriodSaysWhenItCloses(String asOf, String duration) {
        // when
        Advisory advisory = advisoryAt(asOf);

        // then
        assertThat(advisory.periodInProgress()).isTrue();
        assertThat(advisory.hoursSincePeriodEnd()).isNull();
        assertThat(advisory.messages()).containsExactly(IN_PROGRESS.formatted(duration));
    }

    @ParameterizedTest(name = "at {0}: ended {1} ago")
    @CsvSource({"2026-05-25T05:00:00Z, less than an hour", "2026-05-25T06:00:00Z, 1 hour",
            "2026-05-25T10:00:00Z, 5 hours", "2026-05-26T05:00:00Z, 1 day", "2026-05-27T04:59:59.999Z, 1 day"})
    void aRecentlyEndedPeriodSaysHowLongAgo(String asOf, String duration) {
        // when
        Advisory advisory = advisoryAt(asOf);

        // then
        assertThat(advisory.periodInProgress()).isFalse();
        assertThat(advisory.periodRecentlyEnded()).isTrue();
        assertThat(advisory.hasAdvisory()).isTrue();
        assertThat(advisory.hoursUntilPeriodEnd()).isNull();
        assertThat(advisory.messages()).containsExactly(ENDED.formatted(duration));
    }

    @Test
    void theCloseInstantHasZeroHoursSinceTheEnd() {
        assertThat(advisoryAt("2026-05-25T05:00:00Z").hoursSincePeriodEnd()).isEqualTo(new BigDecimal("0.0"));
    }

    @Test
    void fortyEightHoursAfterTheEndThePeriodIsNoLongerRecentlyEnded() {
        // when
        Advisory advisory = advisoryAt("2026-05-27T05:00:00Z");

        // then
        assertThat(advisory.periodRecentlyEnded()).isFalse();
        assertThat(advisory.hasAdvisory()).isFalse();
        assertThat(advisory.hoursSincePeriodEnd()).isEqualTo(new BigDecimal("48.0"));
        assertThat(advisory.messages()).isEmpty();
    }

    @Test
    void onlyARecentEndSetsHasAdvisory() {
        // given a goal not yet started, with stale stats, in an open period
        Goal future = goal().startDate("2026-06-01").build();

        // when
        Advisory advisory = evaluated(evaluator.evaluateLive(future, CHICAGO, true, activity().build(),
                at("2026-05-21T11:36:00Z"))).advisory();

        // then
        assertThat(advisory.periodInProgress()).isTrue();
        assertThat(advisory.scrapeStale()).isTrue();
        assertThat(advisory.notYetStarted()).isTrue();
        assertThat(advisory.hasAdvisory()).isFalse();
    }

    @Test
    void messagesFollowTheFlagOrder() {
        // given
        Goal future = goal().startDate("2026-06-01").build();

        // when
        Advisory advisory = evaluated(evaluator.evaluateLive(future, CHICAGO, true,
                activity().with(scrape("2026-05-19T11:36:00Z", 5L)).build(), at("2026-05-21T11:36:00Z"))).advisory();

        // then
        assertThat(advisory.goalStartDate()).isEqualTo(LocalDate.parse("2026-06-01"));
        assertThat(advisory.messages()).containsExactly(IN_PROGRESS.formatted("3 days"), STALE.formatted("2 days"),
                "Goal starts on 2026-06-01. No data has accrued yet.");
    }

    @Test
    void theAdvisoryCarriesTheWindowWithItsPrintedEnd() {
        // when
        Advisory advisory = advisoryAt("2026-05-21T11:36:00Z");

        // then
        assertThat(advisory.periodStart()).isEqualTo(at("2026-05-18T05:00:00Z"));
        assertThat(advisory.periodEnd()).isEqualTo(at("2026-05-25T04:59:59.999Z"));
        assertThat(advisory.goalStartDate()).isNull();
        assertThat(advisory.notYetStarted()).isFalse();
    }

    @ParameterizedTest(name = "scraped at {0}: {1} ago")
    @CsvSource({"2026-05-21T10:36:00Z, 1 hour", "2026-05-21T10:36:00.001Z, less than an hour",
            "2026-05-21T06:36:00Z, 5 hours", "2026-05-21T11:35:00Z, less than an hour"})
    void staleStatsUnderADayOldReadInHours(String scrapedAt, String duration) {
        // given stats that turn stale at once
        EvaluationSettings strict = new EvaluationSettings(new BigDecimal("0.7"), Duration.ofHours(48),
                Duration.ZERO, Duration.ofHours(48));

        // when
        Advisory advisory = evaluated(new GoalEvaluator(strict).settle(new Terms(Metric.POSTS, 10, WEEK),
                activity().with(scrape(scrapedAt, 5L)).build(), at("2026-05-21T11:36:00Z"))).advisory();

        // then
        assertThat(advisory.scrapeFreshness().bucket()).isEqualTo(FreshnessBucket.TURNING_STALE);
        assertThat(advisory.messages()).endsWith(STALE.formatted(duration));
    }

    private Advisory advisoryAt(String asOf) {
        CreatorActivity fresh = activity().with(scrape(asOf, 5L)).build();
        return evaluated(evaluator.settle(new Terms(Metric.POSTS, 10, WEEK), fresh, at(asOf))).advisory();
    }
}
