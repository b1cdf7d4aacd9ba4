package com.trackagoat.compliance.evaluation;

/**
 * The videos an evaluation counts: a creator's own videos ({@link ListedVideos}), or their count and sums
 * over the evaluated window taken by the database ({@link VideoTally}). {@link Tally} holds the one rule for
 * both: which videos count, which columns a metric sums, and when the data is invalid.
 */
public sealed interface CountedVideos permits ListedVideos, VideoTally {
}
