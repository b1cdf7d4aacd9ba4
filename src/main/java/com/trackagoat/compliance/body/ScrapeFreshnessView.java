package com.trackagoat.compliance.body;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.trackagoat.compliance.evaluation.FreshnessBucket;
import com.trackagoat.compliance.evaluation.ScrapeFreshness;

/** The advisory's freshness summary (present only when the stats are stale). */
public record ScrapeFreshnessView(
        @JsonProperty("bucket") FreshnessBucket bucket,
        @JsonProperty("last_scraped_at") @UtcMillis Instant lastScrapedAt,
        @JsonProperty("age_hours") BigDecimal ageHours,
        @JsonProperty("tooltip") String tooltip) {

    static ScrapeFreshnessView of(ScrapeFreshness f) {
        return f == null ? null : new ScrapeFreshnessView(f.bucket(), f.lastScrapedAt(), f.ageHours(), f.tooltip());
    }
}
