package com.trackagoat.compliance.snapshot.runs;

/**
 * How far a running execution is, from what its chunk steps have committed.
 *
 * @param goalsDone      snapshots and rejects committed so far
 * @param goalsPerSecond goals done divided by the seconds since the execution started
 * @param secondsLeft    at that rate, the time for the rest of its goal-id ranges (goal ids are random UUIDs,
 *                       so the share of a range's ids done is about the share of its goals done, as the
 *                       progress log reckons); null until a chunk has committed
 */
public record RunProgress(long goalsDone, double goalsPerSecond, Long secondsLeft) {
}
