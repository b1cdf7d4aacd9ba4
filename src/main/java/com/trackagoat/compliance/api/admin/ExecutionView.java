package com.trackagoat.compliance.api.admin;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.trackagoat.compliance.body.UtcMillis;
import com.trackagoat.compliance.snapshot.runs.RunExecution;

/**
 * One execution of an instance, oldest first: the contract's fields, and its duration (to its end, or so far)
 * and partitions.
 */
record ExecutionView(@JsonProperty("id") long id, @JsonProperty("status") String status,
                     @JsonProperty("start_time") @UtcMillis Instant startTime,
                     @JsonProperty("end_time") @UtcMillis Instant endTime,
                     @JsonProperty("duration_seconds") Double durationSeconds,
                     @JsonProperty("goals_read") long goalsRead, @JsonProperty("snapshots") long snapshots,
                     @JsonProperty("rejects") long rejects, @JsonProperty("exit_message") String exitMessage,
                     @JsonProperty("partitions") int partitions) {

    static ExecutionView of(RunExecution e) {
        return new ExecutionView(e.id(), e.status(), e.startTime(), e.endTime(),
                e.duration() == null ? null : e.duration().toMillis() / 1000.0, e.goalsRead(), e.snapshots(),
                e.rejects(), e.exitMessage(), e.partitions());
    }
}
