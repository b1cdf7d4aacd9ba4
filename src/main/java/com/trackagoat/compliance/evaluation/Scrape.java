package com.trackagoat.compliance.evaluation;

import java.time.Instant;

/** One attempt to scrape a creator's profile stats. */
public record Scrape(Instant scrapedAt, boolean succeeded, Long followers) {
}
