package com.trackagoat.compliance.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The API's advisory object, field for field, in the API's order. Hours carry one decimal (scale 1);
 * {@code periodEnd} is the printed end (exclusive end minus 1 ms).
 */
public record Advisory(boolean periodInProgress, boolean periodRecentlyEnded, boolean scrapeStale,
                       boolean notYetStarted, boolean hasAdvisory, Instant periodStart, Instant periodEnd,
                       BigDecimal hoursUntilPeriodEnd, BigDecimal hoursSincePeriodEnd,
                       ScrapeFreshness scrapeFreshness, LocalDate goalStartDate, List<String> messages) {
}
