package com.trackagoat.compliance.snapshot.runs;

/** STUB until branch runs lands. */
public record RunProgress(long goalsDone, double goalsPerSecond, Long secondsLeft) {
}
