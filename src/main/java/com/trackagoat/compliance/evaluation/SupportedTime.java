package com.trackagoat.compliance.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The instants and dates the job records and answers for: the years 1970 to 9999 (data-contract.md). Beyond
 * 9999 an ISO-8601 year needs a sign and PostgreSQL prints five digits that the driver cannot read back, so a
 * row there would break every later query that meets it; before 1970 no goal can exist.
 */
public final class SupportedTime {

    public static final int FIRST_YEAR = 1970;
    public static final int LAST_YEAR = 9999;
    public static final LocalDate FIRST_DAY = LocalDate.of(FIRST_YEAR, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(LAST_YEAR, 12, 31);
    public static final Instant START = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    /** The first instant after the supported range. */
    public static final Instant END = LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    /** UTC with a {@code Z}: {@link Instant#parse} also takes offsets such as {@code +02:00}, which we do not. */
    private static final Pattern UTC_INSTANT =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

    private SupportedTime() {
    }

    public static boolean contains(Instant instant) {
        return !instant.isBefore(START) && instant.isBefore(END);
    }

    public static boolean contains(LocalDate date) {
        return !date.isBefore(FIRST_DAY) && !date.isAfter(LAST_DAY);
    }

    /** An ISO-8601 UTC instant with {@code Z} (seconds required, fractions allowed) in the supported years. */
    public static Optional<Instant> parseInstant(String text) {
        if (text == null || !UTC_INSTANT.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text)).filter(SupportedTime::contains);
        } catch (DateTimeParseException e) {
            return Optional.empty(); // the right shape with an impossible field, such as month 13
        }
    }
}
