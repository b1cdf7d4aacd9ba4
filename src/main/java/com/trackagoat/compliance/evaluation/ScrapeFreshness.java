package com.trackagoat.compliance.evaluation;

import java.math.BigDecimal;
import java.time.Instant;

/** The advisory's freshness summary, present only when the stats are stale. */
public record ScrapeFreshness(FreshnessBucket bucket, Instant lastScrapedAt, BigDecimal ageHours, String tooltip) {
}
