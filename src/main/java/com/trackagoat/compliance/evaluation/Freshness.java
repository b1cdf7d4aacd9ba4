package com.trackagoat.compliance.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * How old the creator's stats are at {@code asOf}: the latest successful scrape at or before it, its age and
 * bucket. {@code lastScrapedAt} and {@code age} are null for {@link FreshnessBucket#NEVER}.
 */
record Freshness(FreshnessBucket bucket, Instant lastScrapedAt, Duration age) {

    static Freshness at(Instant asOf, List<Scrape> scrapes, EvaluationSettings settings) {
        return scrapes.stream()
                .filter(scrape -> scrape.succeeded() && !scrape.scrapedAt().isAfter(asOf))
                .map(Scrape::scrapedAt)
                .max(Comparator.naturalOrder())
                .map(last -> aged(last, Duration.between(last, asOf), settings))
                .orElse(new Freshness(FreshnessBucket.NEVER, null, null));
    }

    private static Freshness aged(Instant last, Duration age, EvaluationSettings settings) {
        FreshnessBucket bucket = age.compareTo(settings.turningStaleAfter()) < 0 ? FreshnessBucket.FRESH
                : age.compareTo(settings.overdueAfter()) < 0 ? FreshnessBucket.TURNING_STALE
                : FreshnessBucket.OVERDUE;
        return new Freshness(bucket, last, age);
    }

    boolean isStale() {
        return bucket != FreshnessBucket.FRESH;
    }
}
