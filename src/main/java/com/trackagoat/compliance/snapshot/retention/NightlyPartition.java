package com.trackagoat.compliance.snapshot.retention;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A month table of nightly rows, as {@code goal_compliance_snapshot_partition} names it
 * ({@code goal_compliance_nightly_rows_y2026m01}), and the state the catalog has it in.
 *
 * @param state         attached, half detached by an interrupted {@code DETACH ... CONCURRENTLY}, or detached
 *                      by a run that stopped before its {@code DROP}
 * @param estimatedRows {@code pg_class.reltuples}: the row count at the last ANALYZE, -1 if never analyzed
 */
record NightlyPartition(String name, YearMonth month, State state, long estimatedRows) {

    static final Pattern NAME = Pattern.compile("goal_compliance_nightly_rows_y(\\d{4})m(\\d{2})");

    enum State { ATTACHED, DETACH_PENDING, DETACHED }

    /** The partition of that name, or empty for a table that is not named as a month of nightly rows. */
    static Optional<NightlyPartition> of(String name, State state, long estimatedRows) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
            return Optional.empty();
        }
        return Optional.of(new NightlyPartition(name, YearMonth.of(Integer.parseInt(m.group(1)), month), state,
                estimatedRows));
    }

    /** The first instant after the month (UTC), the partition's exclusive upper bound. */
    Instant end() {
        return month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
