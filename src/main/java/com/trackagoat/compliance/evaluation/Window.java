package com.trackagoat.compliance.evaluation;

import java.time.Duration;
import java.time.Instant;

/** A half-open interval of instants {@code [start, end)}: a calendar period clipped to a goal's dates. */
public record Window(Instant start, Instant end) {

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    /** The printed period end: the exclusive end minus one millisecond. */
    public Instant printedEnd() {
        return end.minusMillis(1);
    }
}
