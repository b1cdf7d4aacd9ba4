package com.trackagoat.compliance.evaluation;

import static com.trackagoat.compliance.evaluation.TestData.activity;
import static com.trackagoat.compliance.evaluation.TestData.at;
import static com.trackagoat.compliance.evaluation.TestData.evaluated;
import static com.trackagoat.compliance.evaluation.TestData.failedScrape;
import static com.trackagoat.compliance.evaluation.TestData.scrape;
import static com.trackagoat.compliance.evaluation.TestData.window;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FreshnessTest {

    private static final String AS_OF = "2026-05-21T12:00:00Z";

    private final GoalEvaluator evaluator = new GoalEvaluator(EvaluationSettings.DEFAULTS);

    @ParameterizedTest(name = "scraped at {0}: {1}")
    @CsvSource({"2026-05-21T12:00:00Z, FRESH", "2026-05-20T12:00:00.001Z, FRESH",
            "2026-05-20T12:00:00Z, TURNING_STALE", "2026-05-19T12:00:00.001Z, TURNING_STALE",
            "2026-05-19T12:00:00Z, OVERDUE", "2026-04-01T00:00:00Z, OVERDUE"})
    void bucketsSwitchExactlyAt24And48Hours(String scrapedAt, FreshnessBucket bucket) {
        assertThat(freshnessOf(activity().with(scrape(scrapedAt, 10L)).build()).bucket()).isEqualTo(bucket);
    }

    @Test
    void noSuccessfulScrapeIsNever() {
        // given only a failed scrape and one after as_of
        CreatorActivity scrapes = activity().with(failedScrape("2026-05-21T11:00:00Z"),
                scrape("2026-05-21T12:00:00.001Z", 10L)).build();

        // when
        Freshness freshness = freshnessOf(scrapes);

        // then
        assertThat(freshness).isEqualTo(new Freshness(FreshnessBucket.NEVER, null, null));
    }

    @Test
    void theLatestSuccessfulScrapeDecidesEvenWithoutAFollowerCount() {
        // given
        CreatorActivity scrapes = activity().with(scrape("2026-05-18T00:00:00Z", 10L),
                scrape("2026-05-21T00:00:00Z", null), failedScrape("2026-05-21T11:00:00Z")).build();

        // then
        assertThat(freshnessOf(scrapes).bucket()).isEqualTo(FreshnessBucket.FRESH);
    }

    @Test
    void aStaleScrapeIsSummarisedWithAgeAndTooltip() {
        // given a scrape 52.5 h old
        CreatorActivity scrapes = activity().with(scrape("2026-05-19T07:30:00Z", 10L)).build();

        // when
        Advisory advisory = advisoryOf(scrapes);

        // then
        String message = "Stats last scraped 2 days ago. Views, engagement, or follower counts may undercount "
                + "until the next scrape runs.";
        assertThat(advisory.scrapeStale()).isTrue();
        assertThat(advisory.scrapeFreshness()).isEqualTo(new ScrapeFreshness(FreshnessBucket.OVERDUE,
                at("2026-05-19T07:30:00Z"), new BigDecimal("52.5"), message));
        assertThat(advisory.messages()).endsWith(message);
    }

    @Test
    void aTurningStaleScrapeReadsOneDay() {
        // given
        CreatorActivity scrapes = activity().with(scrape("2026-05-20T00:00:00Z", 10L)).build();

        // then
        assertThat(advisoryOf(scrapes).scrapeFreshness().tooltip()).startsWith("Stats last scraped 1 day ago.");
    }

    @Test
    void neverScrapedHasItsOwnMessageAndNoAge() {
        // when
        Advisory advisory = advisoryOf(activity().build());

        // then
        String message = "Stats have never been scraped for this creator. Views, engagement, or follower counts "
                + "may undercount until the first scrape runs.";
        assertThat(advisory.scrapeFreshness())
                .isEqualTo(new ScrapeFreshness(FreshnessBucket.NEVER, null, null, message));
        assertThat(advisory.messages()).endsWith(message);
    }

    @Test
    void freshStatsHaveNoFreshnessObjectAndNoMessage() {
        // when
        Advisory advisory = advisoryOf(activity().with(scrape("2026-05-21T06:00:00Z", 10L)).build());

        // then
        assertThat(advisory.scrapeStale()).isFalse();
        assertThat(advisory.scrapeFreshness()).isNull();
        assertThat(advisory.messages()).noneMatch(message -> message.startsWith("Stats"));
    }

    private Freshness freshnessOf(CreatorActivity activity) {
        return Freshness.at(at(AS_OF), activity.scrapes(), EvaluationSettings.DEFAULTS);
    }

    private Advisory advisoryOf(CreatorActivity activity) {
        Terms terms = new Terms(Metric.VIEWS, 10, window("2026-05-18T05:00:00Z", "2026-05-25T05:00:00Z"));
        return evaluated(evaluator.settle(terms, activity, at(AS_OF))).advisory();
    }
}
