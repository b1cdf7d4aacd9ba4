package com.trackagoat.compliance.snapshot;

import java.time.Instant;

/**
 * A snapshot job instance whose last execution failed and that has never completed.
 *
 * @param instance     its phase and as_of
 * @param failures     how many of its executions failed (stopped ones do not count): the retry delay grows with it
 * @param lastFailedAt when its last execution ended
 * @param exitMessage  its last execution's exit message, as Spring Batch stored it (often a stack trace)
 */
public record FailedInstance(SnapshotJobParameters instance, int failures, Instant lastFailedAt, String exitMessage) {

    private static final int REASON_LENGTH = 300;
    private static final String CAUSED_BY = "Caused by: ";

    /**
     * One line for people: the root cause of the stored stack trace (its last "Caused by"), where the
     * database's own words are, else its first line; shortened.
     */
    public String reason() {
        if (exitMessage == null || exitMessage.isBlank()) {
            return "";
        }
        String telling = exitMessage.lines().filter(line -> line.startsWith(CAUSED_BY))
                .reduce((first, last) -> last)
                .map(line -> line.substring(CAUSED_BY.length()))
                .orElseGet(() -> exitMessage.lines().findFirst().orElse(""))
                .strip();
        return telling.length() <= REASON_LENGTH ? telling : telling.substring(0, REASON_LENGTH - 1) + "…";
    }
}
