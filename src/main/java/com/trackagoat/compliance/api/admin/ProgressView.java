package com.trackagoat.compliance.api.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.trackagoat.compliance.snapshot.runs.RunProgress;

/** A running instance's progress, from its step executions as they commit; {@code seconds_left} null while unknown. */
record ProgressView(@JsonProperty("goals_done") long goalsDone,
                    @JsonProperty("goals_per_second") double goalsPerSecond,
                    @JsonProperty("seconds_left") Long secondsLeft) {

    static ProgressView of(RunProgress p) {
        return new ProgressView(p.goalsDone(), p.goalsPerSecond(), p.secondsLeft());
    }
}
