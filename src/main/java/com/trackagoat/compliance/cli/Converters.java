package com.trackagoat.compliance.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import com.trackagoat.compliance.evaluation.Period;
import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.evaluation.SupportedTime;

/**
 * The option types of data-contract.md, registered for every command ({@link RootCommand#commandLine}): picocli's
 * own converters take more than the contract allows (offsets in instants, any year, enum names in capitals).
 */
final class Converters {

    private Converters() {
    }

    /** A value that is not of its option's type; {@link ArgumentErrors} names the option and the value. */
    static final class NotA extends TypeConversionException {

        private final String expected;

        NotA(String expected) {
            super("not " + expected);
            this.expected = expected;
        }

        String expected() {
            return expected;
        }
    }

    /** ISO-8601 UTC with {@code Z}, seconds required, in the supported years. */
    static final ITypeConverter<Instant> INSTANT = value -> SupportedTime.parseInstant(value).orElseThrow(() ->
            new NotA("an ISO-8601 UTC instant with Z between " + SupportedTime.FIRST_YEAR + " and "
                    + SupportedTime.LAST_YEAR + ", such as 2026-05-25T05:00:00Z"));

    static final ITypeConverter<LocalDate> DATE = value -> {
        NotA notADate = new NotA("a date YYYY-MM-DD between " + SupportedTime.FIRST_YEAR + " and "
                + SupportedTime.LAST_YEAR);
        try {
            LocalDate date = LocalDate.parse(value);
            if (!SupportedTime.contains(date)) {
                throw notADate;
            }
            return date;
        } catch (DateTimeParseException e) {
            throw notADate;
        }
    };

    /** The 36-character form only: {@link UUID#fromString} also takes shortened groups such as {@code 1-2-3-4-5}. */
    static final ITypeConverter<UUID> UUID_TEXT = value -> {
        try {
            if (value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the message below
        }
        throw new NotA("a UUID");
    };

    /** The longest {@code --expires-in}: a key valid longer than a century is one that should not expire. */
    static final Duration LONGEST_EXPIRY = Duration.ofDays(36_500);

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})([dhms])");

    /**
     * A positive duration up to {@link #LONGEST_EXPIRY}: a whole number with {@code d}, {@code h}, {@code m} or
     * {@code s} ({@code 90d}, {@code 12h}), or ISO-8601 ({@code PT1H}, {@code P90D}).
     */
    static final ITypeConverter<Duration> DURATION = value -> {
        Duration duration = parseDuration(value);
        if (duration == null || duration.isNegative() || duration.isZero() || duration.compareTo(LONGEST_EXPIRY) > 0) {
            throw new NotA("a positive duration up to " + LONGEST_EXPIRY.toDays() + "d, such as 90d, 12h, 30m or PT1H");
        }
        return duration;
    };

    private static Duration parseDuration(String value) {
        Matcher shortForm = SHORT_DURATION.matcher(value);
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            return switch (shortForm.group(2)) {
                case "d" -> Duration.ofDays(amount);
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            };
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    static final ITypeConverter<Phase> PHASE = value -> Phase.parse(value).orElseThrow(() ->
            new TypeConversionException("unknown phase '" + value + "' (phases: close, nightly, final, restatement)"));

    static final ITypeConverter<Period> PERIOD = value -> Period.parse(value).orElseThrow(() ->
            new NotA("daily|weekly|monthly"));
}
