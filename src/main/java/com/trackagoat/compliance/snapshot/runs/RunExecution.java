package com.trackagoat.compliance.snapshot.runs;

import java.time.Duration;
import java.time.Instant;

/** STUB until branch runs lands. */
public record RunExecution(long id, String status, Instant startTime, Instant endTime, Duration duration,
                           long goalsRead, long snapshots, long rejects, String exitMessage, int partitions) {
}
