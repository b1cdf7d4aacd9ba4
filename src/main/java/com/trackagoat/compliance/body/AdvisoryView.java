package com.trackagoat.compliance.body;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.trackagoat.compliance.evaluation.Advisory;

/**
 * The API's advisory object, field for field in the seed page's order. It is also the snapshot table's
 * {@code advisory} column, so a recorded body and a live one print the same advisory. Hours are numbers with
 * one decimal (the evaluator's scale-1 decimals).
 */
public record AdvisoryView(
        @JsonProperty("period_in_progress") boolean periodInProgress,
        @JsonProperty("period_recently_ended") boolean periodRecentlyEnded,
        @JsonProperty("scrape_stale") boolean scrapeStale,
        @JsonProperty("not_yet_started") boolean notYetStarted,
        @JsonProperty("has_advisory") boolean hasAdvisory,
        @JsonProperty("period_start") @UtcMillis Instant periodStart,
        @JsonProperty("period_end") @UtcMillis Instant periodEnd,
        @JsonProperty("hours_until_period_end") BigDecimal hoursUntilPeriodEnd,
        @JsonProperty("hours_since_period_end") BigDecimal hoursSincePeriodEnd,
        @JsonProperty("scrape_freshness") ScrapeFreshnessView scrapeFreshness,
        @JsonProperty("goal_start_date") LocalDate goalStartDate,
        @JsonProperty("messages") List<String> messages) {

    public static AdvisoryView of(Advisory a) {
        return new AdvisoryView(a.periodInProgress(), a.periodRecentlyEnded(), a.scrapeStale(), a.notYetStarted(),
                a.hasAdvisory(), a.periodStart(), a.periodEnd(), a.hoursUntilPeriodEnd(), a.hoursSincePeriodEnd(),
                ScrapeFreshnessView.of(a.scrapeFreshness()), a.goalStartDate(), a.messages());
    }
}
