package com.trackagoat.compliance.source;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from JDBC: bound as UTC {@code timestamptz} values, read back from {@code timestamptz}
 * columns, or carried as epoch microseconds (exact: PostgreSQL keeps microseconds), which the driver reads as
 * plain numbers.
 */
public final class Timestamps {

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final int NANOS_PER_MICRO = 1_000;

    private Timestamps() {
    }

    /** The instant as a UTC offset date-time, the form bound for a {@code timestamptz} parameter. */
    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The non-null {@code timestamptz} column of the current row as an instant. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** An instant as epoch microseconds; exact for the instants here, which have whole microseconds. */
    public static long epochMicros(Instant instant) {
        // Arithmetic, not ChronoUnit.between, which goes through Instant.until's generic path.
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND),
                instant.getNano() / NANOS_PER_MICRO);
    }

    /** The instant at {@code epochMicros} microseconds since the epoch. */
    public static Instant ofEpochMicros(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, MICROS_PER_SECOND),
                Math.floorMod(epochMicros, MICROS_PER_SECOND) * NANOS_PER_MICRO);
    }
}
