package com.trackagoat.compliance.evaluation;

import java.time.Instant;

/** A creator's video with its latest scraped counters; a null counter has not been scraped yet and counts 0. */
public record Video(Instant postedAt, Instant discoveredAt, Long views, Long likes, Long comments, Long shares) {
}
