package com.trackagoat.compliance.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.trackagoat.compliance.evaluation.Period;
import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.evaluation.SupportedTime;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Strict parsing of the read API's parameters: a bad value, a repeated or an unknown parameter is a 400
 * whose message names the parameter, never a silently ignored filter.
 */
public final class QueryParameters {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DATE_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private QueryParameters() {
    }

    /** Refuses parameters the endpoint does not know and parameters given twice. */
    public static void check(HttpServletRequest request, String... known) {
        Set<String> allowed = Set.of(known);
        for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
            if (!allowed.contains(p.getKey())) {
                throw ApiException.badParameter(p.getKey(), "is not a parameter of this endpoint (parameters: "
                        + Arrays.stream(known).sorted().collect(Collectors.joining(", ")) + ")");
            }
            if (p.getValue().length > 1) {
                throw ApiException.badParameter(p.getKey(), "is given more than once");
            }
        }
    }

    public static UUID requiredUuid(String name, String value) {
        return uuid(name, value).orElseThrow(() -> ApiException.badParameter(name, "is required"));
    }

    public static Optional<UUID> uuid(String name, String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (!UUID_TEXT.matcher(value).matches()) {
            throw ApiException.badParameter(name, "must be a UUID, not '" + value + "'");
        }
        return Optional.of(UUID.fromString(value));
    }

    public static Optional<LocalDate> date(String name, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            if (DATE_TEXT.matcher(value).matches()) {
                LocalDate date = LocalDate.parse(value);
                if (SupportedTime.contains(date)) {
                    return Optional.of(date);
                }
            }
        } catch (DateTimeParseException e) {
            // fall through to the same message as any other malformed date
        }
        // a date outside the years the job records (SupportedTime) has no snapshot to answer from
        throw ApiException.badParameter(name, "must be a date YYYY-MM-DD from " + SupportedTime.FIRST_DAY + " to "
                + SupportedTime.LAST_DAY + ", not '" + value + "'");
    }

    /** An ISO-8601 UTC instant with {@code Z} in the years 1970 to 9999, as the command line takes it. */
    public static Optional<Instant> instant(String name, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(SupportedTime.parseInstant(value).orElseThrow(() -> ApiException.badParameter(name,
                "must be an ISO-8601 UTC instant with Z from " + SupportedTime.FIRST_YEAR + " to "
                        + SupportedTime.LAST_YEAR + ", such as 2026-05-25T05:00:00Z, not '" + value + "'")));
    }

    public static Instant requiredInstant(String name, String value) {
        return instant(name, value).orElseThrow(() -> ApiException.badParameter(name, "is required"));
    }

    public static Optional<Period> period(String name, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(Period.parse(value).orElseThrow(
                () -> ApiException.badParameter(name, "must be daily, weekly or monthly, not '" + value + "'")));
    }

    public static Optional<Phase> phase(String name, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(Phase.parse(value).orElseThrow(
                () -> ApiException.badParameter(name, "must be nightly, close, final or restatement, not '" + value + "'")));
    }

    /** A page size from 1 to {@value #MAX_LIMIT}; {@value #DEFAULT_LIMIT} when absent. */
    public static int limit(String name, String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // same message as out of range
        }
        throw ApiException.badParameter(name, "must be a whole number from 1 to " + MAX_LIMIT + ", not '" + value + "'");
    }

    /** Refuses {@code from} after {@code to}. */
    public static void checkRange(String fromName, Optional<LocalDate> from, String toName, Optional<LocalDate> to) {
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw ApiException.badParameter(fromName, "(" + from.get() + ") is after " + toName + " (" + to.get() + ")");
        }
    }
}
